using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Gangway.Cli.Infrastructure;
using Gangway.Stores;
using Spectre.Console;

namespace Gangway.Cli.Commands.Runs;

/// <summary><c>gangway runs list</c>: the newest runs, optionally of one experiment or one parent.</summary>
internal static class RunsListCommand
{
    public static Command Create(CliHost host)
    {
        var experiment = new Option<string?>("--experiment") { Description = "Only runs of this experiment (by default a spec's model name)." };
        var parent = new Option<string?>("--parent") { Description = "Only the child runs of this run (cross-validation folds, tuning candidates)." };
        var limit = CliOptions.Limit("runs", 20);
        var json = JsonOption.Create();
        var command = new Command("list", "List tracked runs, newest first.") { experiment, parent, limit, json };
        command.SetAction((parse, cancellationToken) => host.ExecuteAsync(parse, async context =>
        {
            var store = await context.OpenStoreAsync(cancellationToken);
            var parentId = parse.GetValue(parent) is { } given ? (await RunLookup.FindAsync(store, given, cancellationToken)).Id : null;
            var count = parse.GetValue(limit);
            if (count < 1)
            {
                throw new GangwayException(ErrorKind.InvalidConfiguration, $"--limit must be at least 1; got {count}.");
            }

            var runs = await store.Runs.ListRunsAsync(new RunQuery(parse.GetValue(experiment), parentId, count), cancellationToken);
            if (parse.GetValue(json))
            {
                context.Output.WriteLine(new JsonArray([.. runs.Select(r => (JsonNode)StoreJson.Run(r, full: false))]).ToJsonString());
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("run", "experiment", "name", "status", "started (UTC)", "roc_auc", "accuracy");
            foreach (var run in runs)
            {
                table.AddRow(run.Id[..12], Markup.Escape(run.Experiment), Markup.Escape(run.Name), run.Status.ToString().ToLowerInvariant(),
                    run.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), Metric(run, "roc_auc"), Metric(run, "accuracy"));
            }

            context.Console.Write(table);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    // Training runs record training_*; cross-validation and tuning runs record the held-out means.
    private static string Metric(RunRecord run, string name) =>
        (run.Metrics.TryGetValue(name, out var value) || run.Metrics.TryGetValue("training_" + name, out value))
            ? value.ToString("0.0000", CultureInfo.InvariantCulture)
            : "-";
}
