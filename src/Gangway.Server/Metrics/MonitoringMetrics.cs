using Prometheus;

namespace Gangway.Server.Metrics;

/// <summary>The monitoring lane's own metrics: answered records it skipped (full queue) and records a monitor failed on.</summary>
internal sealed class MonitoringMetrics
{
    private readonly Counter _skipped;
    private readonly Counter _failures;

    public MonitoringMetrics(ServiceMetrics metrics)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(metrics.Registry);
        _skipped = factory.CreateCounter(
            "gangway_monitoring_skipped_total", "Answered records the in-server monitoring did not count because its queue was full (the answers were not affected).");
        _failures = factory.CreateCounter(
            "gangway_monitoring_failures_total", "Answered records a monitor failed on (logged; the answers were not affected).");
    }

    /// <summary>Records skipped so far.</summary>
    public long Skipped => (long)_skipped.Value;

    /// <summary>Records a monitor failed on so far.</summary>
    public long Failures => (long)_failures.Value;

    /// <summary>Counts records skipped.</summary>
    public void CountSkipped(int records) => _skipped.Inc(records);

    /// <summary>Counts records a monitor failed on.</summary>
    public void CountFailed(int records) => _failures.Inc(records);
}
