using Gangway.Evaluation;

namespace Gangway.Tuning;

/// <summary>The metrics a tuning grid can optimise (<see cref="Metrics.Scalars"/>) and which way is better.</summary>
public static class TuningMetric
{
    /// <summary>The metric names, in report order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Metrics.Scalars.Select(m => m.Name)];

    /// <summary>Whether a lower value of <paramref name="metric"/> is better: true for the losses <c>log_loss</c> and <c>brier</c>.</summary>
    public static bool LowerIsBetter(string metric) => metric is "log_loss" or "brier";

    /// <summary>Whether <paramref name="metric"/> is one of <see cref="Names"/>.</summary>
    public static bool IsKnown(string metric) => Names.Contains(metric, StringComparer.Ordinal);
}
