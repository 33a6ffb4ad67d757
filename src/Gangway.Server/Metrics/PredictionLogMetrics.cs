using Gangway.PredictionLog;
using Gangway.Server.PredictionLogging;
using Prometheus;

namespace Gangway.Server.Metrics;

/// <summary>
/// The prediction log's metrics, in the service's registry: its counters are read from the log when
/// <c>/metrics</c> is scraped, so the request path never touches them; the retention's prunes are counted as they run.
/// </summary>
internal sealed class PredictionLogMetrics
{
    private readonly Counter _pruned;
    private readonly Counter _pruneFailures;

    public PredictionLogMetrics(ServiceMetrics metrics, PredictionLogService log)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(metrics.Registry);
        var written = factory.CreateCounter("gangway_prediction_log_written_total", "Records written to the prediction log.");
        var dropped = factory.CreateCounter(
            "gangway_prediction_log_dropped_total", "Records not logged: the queue was full, the sink kept failing past its retries, or shutdown's flush timed out.");
        var failed = factory.CreateCounter("gangway_prediction_log_failed_total", "Writes of a batch to the prediction log's sink that failed (each attempt counts).");
        var retries = factory.CreateCounter("gangway_prediction_log_retries_total", "Retries of batches whose write to the sink failed.");
        var queue = factory.CreateGauge("gangway_prediction_log_queue_length", "Records waiting to be written to the prediction log.");
        _pruned = factory.CreateCounter("gangway_prediction_log_pruned_total", "Logged predictions, feedback rows and monitoring window buckets deleted by the retention (LogRetention).", ["kind"]);
        _pruneFailures = factory.CreateCounter("gangway_prediction_log_prune_failures_total", "Retention runs that failed (retried at the next run).");
        metrics.Registry.AddBeforeCollectCallback(() =>
        {
            written.IncTo(log.Written);
            dropped.IncTo(log.Dropped);
            failed.IncTo(log.Failed);
            retries.IncTo(log.Retries);
            queue.Set(log.QueueLength);
        });
    }

    /// <summary>Counts what one retention run deleted.</summary>
    public void Pruned(LogPruneResult result)
    {
        _pruned.WithLabels("prediction").Inc(result.Predictions);
        _pruned.WithLabels("feedback").Inc(result.Feedback);
        _pruned.WithLabels("monitoring_bucket").Inc(result.MonitoringBuckets);
    }

    /// <summary>Counts a retention run that failed.</summary>
    public void PruneFailed() => _pruneFailures.Inc();
}
