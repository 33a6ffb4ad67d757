using System.CommandLine;
using System.Globalization;
using Gangway.Cli.Infrastructure;
using Spectre.Console;

namespace Gangway.Cli.Commands.Runs;

/// <summary><c>gangway runs show &lt;id&gt;</c>: everything a run recorded.</summary>
internal static class RunsShowCommand
{
    public static Command Create(CliHost host)
    {
        var id = new Argument<string>("run") { Description = "The run id, or a unique prefix of at least 6 characters." };
        var json = JsonOption.Create();
        var command = new Command("show", "Show a run: parameters, metrics, tags, lineage and artifacts.") { id, json };
        command.SetAction((parse, cancellationToken) => host.ExecuteAsync(parse, async context =>
        {
            var store = await context.OpenStoreAsync(cancellationToken);
            var run = await RunLookup.FindAsync(store, parse.GetValue(id)!, cancellationToken);
            var evaluationsOfRun = await store.Runs.ListEvaluationsAsync(run.Id, cancellationToken);
            if (parse.GetValue(json))
            {
                var document = StoreJson.Run(run, full: true);
                document["evaluations"] = StoreJson.Evaluations(evaluationsOfRun);
                context.Output.WriteLine(document.ToJsonString());
                return ExitCodes.Success;
            }

            var grid = new Grid().AddColumn().AddColumn();
            grid.AddRow("[bold]run[/]", run.Id);
            grid.AddRow("[bold]experiment[/]", Markup.Escape(run.Experiment));
            grid.AddRow("[bold]name[/]", Markup.Escape(run.Name));
            grid.AddRow("[bold]parent[/]", run.ParentRunId ?? "-");
            grid.AddRow("[bold]status[/]", run.Status.ToString().ToLowerInvariant());
            grid.AddRow("[bold]started[/]", StoreJson.Time(run.StartedAt));
            grid.AddRow("[bold]duration[/]", run.Duration is { } duration ? duration.TotalSeconds.ToString("0.0 s", CultureInfo.InvariantCulture) : "-");
            grid.AddRow("[bold]by[/]", Markup.Escape(run.CreatedBy));
            context.Console.Write(grid);
            context.Console.Write(Pairs("parameter", run.Params.Select(p => (p.Key, p.Value))));
            context.Console.Write(Pairs("metric", run.Metrics.Select(m => (m.Key, m.Value.ToString("0.######", CultureInfo.InvariantCulture)))));
            context.Console.Write(Pairs("tag", run.Tags.Select(t => (t.Key, t.Value))));
            if (run.Lineage is { } lineage)
            {
                context.Console.Write(Pairs("lineage", System.Text.Json.Nodes.JsonNode.Parse(lineage)!.AsObject().Select(p => (p.Key, p.Value?.ToString() ?? "-"))));
            }

            context.Console.Write(Pairs("artifact", run.Artifacts.Select(a => (a.Name, $"{a.Size} bytes, sha256 {a.Sha256}"))));
            var evaluations = new Table().AddColumns("evaluated (UTC)", "version", "data", "metrics");
            foreach (var evaluation in evaluationsOfRun)
            {
                evaluations.AddRow(
                    StoreJson.Time(evaluation.EvaluatedAt),
                    Markup.Escape(evaluation.VersionReference ?? "-"),
                    Markup.Escape(evaluation.DataName),
                    Markup.Escape(string.Join(", ", evaluation.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => m.Key + " " + m.Value.ToString("0.0000", CultureInfo.InvariantCulture)))));
            }

            context.Console.Write(evaluations);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Table Pairs(string kind, IEnumerable<(string Name, string Value)> pairs)
    {
        var table = new Table().AddColumns(kind, "value");
        foreach (var (name, value) in pairs.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            table.AddRow(Markup.Escape(name), Markup.Escape(value));
        }

        return table;
    }
}
