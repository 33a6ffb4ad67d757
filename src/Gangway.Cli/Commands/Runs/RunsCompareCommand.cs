using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Gangway.Cli.Infrastructure;
using Gangway.Stores;
using Spectre.Console;

namespace Gangway.Cli.Commands.Runs;

/// <summary><c>gangway runs compare &lt;id&gt; &lt;id&gt;...</c>: metrics (the runs' own and held-out) side by side and the parameters that differ.</summary>
internal static class RunsCompareCommand
{
    public static Command Create(CliHost host)
    {
        var ids = new Argument<string[]>("runs") { Description = "Two or more run ids (or unique prefixes).", Arity = new ArgumentArity(2, 20) };
        var json = JsonOption.Create();
        var command = new Command("compare", "Compare runs: every metric side by side (with held-out metrics from 'gangway evaluate'), and the parameters whose values differ.") { ids, json };
        command.SetAction((parse, cancellationToken) => host.ExecuteAsync(parse, async context =>
        {
            var store = await context.OpenStoreAsync(cancellationToken);
            var runs = new List<RunRecord>();
            // Each run's newest evaluation on held-out data (gangway evaluate), shown next to what the run measured itself.
            var heldOut = new List<EvaluationRecord?>();
            foreach (var id in parse.GetValue(ids)!)
            {
                var run = await RunLookup.FindAsync(store, id, cancellationToken);
                runs.Add(run);
                heldOut.Add(await store.Runs.ListEvaluationsAsync(run.Id, cancellationToken) is { Count: > 0 } evaluations ? evaluations[0] : null);
            }

            var heldOutMetrics = heldOut.SelectMany(e => e?.Metrics.Keys ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var metrics = runs.SelectMany(r => r.Metrics.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var differing = runs.SelectMany(r => r.Params.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Where(name => runs.Select(r => r.Params.GetValueOrDefault(name)).Distinct(StringComparer.Ordinal).Count() > 1)
                .ToList();
            if (parse.GetValue(json))
            {
                var document = Json(runs, metrics, differing);
                document["held_out_metrics"] = new JsonObject([.. heldOutMetrics.Select(name => KeyValuePair.Create(name, (JsonNode?)new JsonArray([.. heldOut.Select(e => e?.Metrics.TryGetValue(name, out var v) == true ? (JsonNode)JsonValue.Create(v) : null)])))]);
                document["held_out_data"] = new JsonArray([.. heldOut.Select(e => e is null ? null : (JsonNode)JsonValue.Create(e.DataName))]);
                context.Output.WriteLine(document.ToJsonString());
                return ExitCodes.Success;
            }

            var metricTable = new Table().Title("metrics").AddColumn("metric");
            var paramTable = new Table().Title("parameters that differ").AddColumn("parameter");
            foreach (var run in runs)
            {
                metricTable.AddColumn(new TableColumn(run.Id[..12]).RightAligned());
                paramTable.AddColumn(run.Id[..12]);
            }

            foreach (var name in metrics)
            {
                metricTable.AddRow([Markup.Escape(name), .. runs.Select(r => r.Metrics.TryGetValue(name, out var v) ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "-")]);
            }

            foreach (var name in heldOutMetrics)
            {
                metricTable.AddRow([$"held-out {Markup.Escape(name)}", .. heldOut.Select(e => e?.Metrics.TryGetValue(name, out var v) == true ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "-")]);
            }

            if (heldOutMetrics.Count > 0)
            {
                metricTable.AddRow(["held-out data", .. heldOut.Select(e => e is null ? "(not evaluated)" : Markup.Escape(e.DataName))]);
            }

            foreach (var name in differing)
            {
                paramTable.AddRow([Markup.Escape(name), .. runs.Select(r => Markup.Escape(r.Params.GetValueOrDefault(name) ?? "-"))]);
            }

            context.Console.Write(metricTable);
            if (differing.Count == 0)
            {
                context.Console.WriteLine("Every parameter is the same.");
            }
            else
            {
                context.Console.Write(paramTable);
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static JsonObject Json(List<RunRecord> runs, List<string> metrics, List<string> differing) => new()
    {
        ["runs"] = new JsonArray([.. runs.Select(r => (JsonNode)JsonValue.Create(r.Id))]),
        ["metrics"] = new JsonObject([.. metrics.Select(name => KeyValuePair.Create(name, (JsonNode?)new JsonArray([.. runs.Select(r => r.Metrics.TryGetValue(name, out var v) ? (JsonNode)JsonValue.Create(v) : null)])))]),
        ["differing_params"] = new JsonObject([.. differing.Select(name => KeyValuePair.Create(name, (JsonNode?)new JsonArray([.. runs.Select(r => r.Params.GetValueOrDefault(name) is { } v ? (JsonNode)JsonValue.Create(v) : null)])))]),
    };
}
