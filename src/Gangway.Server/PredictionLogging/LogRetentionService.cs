using Gangway.PredictionLog;
using Gangway.Server.Hosting;
using Gangway.Server.Metrics;
using Gangway.Server.Serving;
using Microsoft.Extensions.Options;

namespace Gangway.Server.PredictionLogging;

/// <summary>
/// The log's retention while the service runs: when the log is the store, deletes logged predictions, feedback and
/// monitoring window buckets older than <see cref="ServerOptions.LogRetention"/> at start and every hour, as <c>gangway log prune</c> does
/// (<see cref="LogRetention.PruneAsync"/>). A run that fails is logged and counted and the next one tries again; it never
/// stops the service.
/// </summary>
internal sealed partial class LogRetentionService(
    PredictionLogService log, ModelStores stores, PredictionLogMetrics metrics, IOptions<ServerOptions> options, TimeProvider time, ILogger<LogRetentionService> logger)
    : BackgroundService
{
    /// <summary>How often the retention runs.</summary>
    internal static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (log.Target.Kind != PredictionLogTarget.Store)
        {
            return;
        }

        var retention = Durations.Parse(options.Value.LogRetention, "Gangway:LogRetention");
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            await PruneAsync(retention, stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task PruneAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        try
        {
            var cutoff = time.GetUtcNow() - retention;
            await using var store = await stores.OpenAsync(cancellationToken).ConfigureAwait(false);
            var pruned = await LogRetention.PruneAsync(store, cutoff, cancellationToken).ConfigureAwait(false);
            metrics.Pruned(pruned);
            if (pruned.Predictions + pruned.Feedback + pruned.MonitoringBuckets > 0)
            {
                var before = PredictionRecordJson.Time(cutoff);
                LogPruned(logger, pruned.Predictions, pruned.Feedback, pruned.MonitoringBuckets, before);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // Retention is housekeeping: a failed run is counted and tried again next time.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            metrics.PruneFailed();
            LogFailed(logger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Prediction log retention deleted {Predictions} prediction(s), {Feedback} feedback row(s) and {MonitoringBuckets} monitoring bucket(s) older than {Cutoff}.")]
    private static partial void LogPruned(ILogger logger, long predictions, long feedback, long monitoringBuckets, string cutoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Prediction log retention failed (tried again in an hour): {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
