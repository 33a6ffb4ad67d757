using System.CommandLine;
using Gangway.Bundles;
using Gangway.Cli.Infrastructure;
using Gangway.Monitoring;
using Gangway.Monitoring.Drift;

namespace Gangway.Cli.Commands.Monitor;

/// <summary>
/// <c>gangway monitor drift</c>: the drift of a model's inputs and outputs against its training reference, on a file
/// (scored as <c>predict</c> scores it) or on the prediction log of the store.
/// </summary>
internal static class MonitorDriftCommand
{
    public static Command Create(CliHost host)
    {
        var model = CliOptions.RequiredPath("--model", "The model: a bundle file (.gwb) or a registry reference (titanic@champion, titanic:3).");
        var data = CliOptions.OptionalPath("--data", "The data to compare with the training data: a CSV with a header, or a unit's file with --parser.");
        var parser = CliOptions.Parser();
        var fromLog = new Option<bool>("--from-log") { Description = "Compare the predictions logged in the store instead of a file (with --since, and --variant)." };
        var since = new Option<string>("--since")
        {
            Description = "With --from-log: predictions made since then, a duration back from now (24h, 7d) or a date (2026-12-01). Default 24h.",
            DefaultValueFactory = _ => "24h",
        };
        var variant = new Option<string?>("--variant") { Description = "With --from-log: only the records of this variant (default: every served record, shadows left out)." };
        var json = JsonOption.Create();
        var command = new Command("drift", "Drift of the model's inputs, prediction and probability against its training data: per column the statistic chosen by type and sample size, every raw statistic, and the share of drifted columns.")
        {
            model, data, parser, fromLog, since, variant, json,
        };
        command.Validators.Add(result =>
        {
            var hasData = result.GetValue(data) is not null;
            var logged = result.GetValue(fromLog);
            if (hasData == logged)
            {
                result.AddError("Give either --data FILE or --from-log, not both and not neither.");
            }
            else if (!logged && (result.GetResult(variant) is not null || result.GetResult(since) is { Implicit: false }))
            {
                result.AddError("--since and --variant select logged predictions; they go with --from-log.");
            }
            else if (logged && result.GetValue(parser) is not null)
            {
                result.AddError("--parser reads a file; it goes with --data.");
            }
        });
        command.SetAction((parse, cancellationToken) => host.ExecuteAsync(parse, async context =>
        {
            var (bundlePath, version) = await context.ResolveModelVersionAsync(parse.GetValue(model)!, cancellationToken);
            var bundle = BundleReader.Read(bundlePath, context.Catalog);
            DriftReport report;
            if (parse.GetValue(fromLog))
            {
                var from = Durations.PointInTime(parse.GetValue(since)!, context.Time.GetUtcNow(), "--since");
                var store = await context.OpenStoreAsync(cancellationToken);
                report = await DriftMonitor.OfLogAsync(store.PredictionLog, bundle, version?.Model ?? bundle.Name, from, parse.GetValue(variant), cancellationToken);
            }
            else
            {
                report = DriftMonitor.OfFile(bundle, CliOptions.Source(parse.GetValue(data)!, parse.GetValue(parser), context.Catalog));
            }

            context.Output.WriteLine(parse.GetValue(json) ? report.ToJson() : report.ToText());
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
