using System.CommandLine;
using Gangway.Cli.Infrastructure;
using Gangway.OnlineEvaluation;

namespace Gangway.Cli.Commands.Monitor;

/// <summary>
/// <c>gangway monitor online titanic [--since 24h] [--json]</c>: per variant (shadows included) the predictions, the
/// labelled ones, accuracy, ROC AUC, log loss, Brier score, calibration and mean reward with intervals, and the decision
/// for each challenger under the model's deployment rules.
/// </summary>
internal static class MonitorOnlineCommand
{
    public static Command Create(CliHost host)
    {
        var model = new Argument<string>("model") { Description = "The model's name, e.g. titanic." };
        var since = new Option<string>("--since")
        {
            Description = "Predictions made since then: a duration back from now (24h, 7d) or a date (2026-12-01). Default 24h.",
            DefaultValueFactory = _ => "24h",
        };
        var positive = new Option<string>("--positive") { Description = "The positive class as logged and fed back. Default 1.", DefaultValueFactory = _ => "1" };
        var negative = new Option<string>("--negative") { Description = "The negative class as logged and fed back. Default 0.", DefaultValueFactory = _ => "0" };
        var json = JsonOption.Create();
        var command = new Command("online", "Online metrics per variant from the logged predictions and their feedback, with intervals, and the deployment's decisions.")
        {
            model, since, positive, negative, json,
        };
        command.SetAction((parse, cancellationToken) => host.ExecuteAsync(parse, async context =>
        {
            var from = Durations.PointInTime(parse.GetValue(since)!, context.Time.GetUtcNow(), "--since");
            var options = new OnlineMetricsOptions { PositiveLabel = parse.GetValue(positive)!, NegativeLabel = parse.GetValue(negative)! };
            var store = await context.OpenStoreAsync(cancellationToken);
            var report = await OnlineMonitor.ReportAsync(store, parse.GetValue(model)!, from, options, cancellationToken);
            context.Output.WriteLine(parse.GetValue(json) ? report.ToJson() : report.ToText());
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
