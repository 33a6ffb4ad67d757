using System.CommandLine;
using Gangway.Cli.Infrastructure;
using Gangway.PredictionLog;

namespace Gangway.Cli.Commands.Log;

/// <summary>
/// <c>gangway log prune --older-than 30d</c>: retention for a store without a server: deletes the logged predictions,
/// the feedback and the monitoring window buckets older than the given age, in small transactions so a running service keeps logging meanwhile.
/// </summary>
internal static class LogPruneCommand
{
    public static Command Create(CliHost host)
    {
        var olderThan = new Option<string>("--older-than") { Description = "Delete what is older than this: 30d, 24h, 15m.", Required = true };
        var command = new Command("prune", "Delete logged predictions, feedback and monitoring buckets older than an age (the log's retention).") { olderThan };
        command.SetAction((parse, cancellationToken) => host.ExecuteAsync(parse, async context =>
        {
            var age = Durations.Parse(parse.GetValue(olderThan)!, "--older-than");
            var cutoff = context.Time.GetUtcNow() - age;
            var store = await context.OpenStoreAsync(cancellationToken);
            var (predictions, feedback, buckets) = await LogRetention.PruneAsync(store, cutoff, cancellationToken);
            context.Output.WriteLine(
                $"Deleted {predictions} prediction(s), {feedback} feedback row(s) and {buckets} monitoring bucket(s) older than {PredictionRecordJson.Time(cutoff)} " +
                $"from store '{store.DisplayUri}'.");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
