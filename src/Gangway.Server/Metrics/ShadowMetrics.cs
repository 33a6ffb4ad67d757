using Prometheus;

namespace Gangway.Server.Metrics;

/// <summary>The shadow models' metrics, in the service's registry: records skipped (full queue) and records a shadow failed to score, by shadow.</summary>
internal sealed class ShadowMetrics
{
    private readonly Counter _skipped;
    private readonly Counter _failures;

    public ShadowMetrics(ServiceMetrics metrics)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(metrics.Registry);
        _skipped = factory.CreateCounter(
            "gangway_shadow_skipped_total", "Answered records a shadow model did not score because its queue was full or the prediction log had no room for its records, by shadow.", ["shadow"]);
        _failures = factory.CreateCounter(
            "gangway_shadow_failures_total", "Answered records a shadow model failed to score (the answer was not affected), by shadow.", ["shadow"]);
    }

    /// <summary>Exports a shadow's counters at 0, so alerts on them work before the first skip.</summary>
    public void Start(string shadow)
    {
        _skipped.WithLabels(shadow);
        _failures.WithLabels(shadow);
    }

    /// <summary>Counts records a shadow skipped.</summary>
    public void Skipped(string shadow, int records) => _skipped.WithLabels(shadow).Inc(records);

    /// <summary>Counts records a shadow failed to score.</summary>
    public void Failed(string shadow, int records) => _failures.WithLabels(shadow).Inc(records);
}
