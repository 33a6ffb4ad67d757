namespace Gangway.Specs;

/// <summary>
/// The checks a new version must pass before it replaces the current one (the spec's <c>promotion:</c> section):
/// metric minimums, no regression against the current version, per-group minimums and fairness gaps, all measured on
/// one labelled data file. Evaluated by <see cref="Promotion.PromotionGates"/>; see docs/spec-reference.md.
/// </summary>
public sealed record PromotionSpec
{
    /// <summary>The metric names a fairness gate compares between groups.</summary>
    public static IReadOnlyList<string> FairnessMetrics { get; } = ["true_positive_rate", "false_positive_rate", "positive_rate", "accuracy"];

    /// <summary>The labelled data file the gates are measured on, relative to the spec file (as written in the spec).</summary>
    public required string Data { get; init; }

    /// <summary>
    /// Overall thresholds, by metric name of <see cref="Evaluation.Metrics.Scalars"/>. For <c>log_loss</c> and <c>brier</c>
    /// (lower is better) the threshold is the largest value allowed; for the others, the smallest.
    /// </summary>
    public IReadOnlyList<MetricThreshold> Minimum { get; init; } = [];

    /// <summary>The metric on which the candidate must not be worse than the current version, or null.</summary>
    public NoRegressionGate? NoRegression { get; init; }

    /// <summary>Thresholds every group (value) of a column must meet.</summary>
    public IReadOnlyList<SliceGate> Slices { get; init; } = [];

    /// <summary>Largest allowed differences of a group metric between the groups of a column.</summary>
    public IReadOnlyList<FairnessGate> Fairness { get; init; } = [];

    /// <summary>The gate on the upsell figures (<c>upsell: {max_gap, monotone}</c>), or null.</summary>
    public UpsellGateSpec? Upsell { get; init; }
}

/// <summary>A threshold on one metric.</summary>
/// <param name="Metric">A metric name of <see cref="Evaluation.Metrics.Scalars"/>, e.g. <c>roc_auc</c>.</param>
/// <param name="Value">The smallest value allowed (the largest for <c>log_loss</c> and <c>brier</c>).</param>
public sealed record MetricThreshold(string Metric, double Value);

/// <summary>The candidate's <paramref name="Metric"/> must be at least the current version's minus <paramref name="Tolerance"/>.</summary>
/// <param name="Metric">A metric name of <see cref="Evaluation.Metrics.Scalars"/>.</param>
/// <param name="Tolerance">How much worse the candidate may be (not negative; default 0).</param>
public sealed record NoRegressionGate(string Metric, double Tolerance = 0);

/// <summary>Thresholds that each group of <paramref name="Column"/> must meet on its own.</summary>
/// <param name="Column">An input or id column whose values define the groups.</param>
/// <param name="Minimum">The thresholds, as in <see cref="PromotionSpec.Minimum"/>.</param>
public sealed record SliceGate(string Column, IReadOnlyList<MetricThreshold> Minimum);

/// <summary>The largest allowed difference of a group metric between any two groups of <paramref name="Column"/>.</summary>
/// <param name="Column">An input or id column whose values define the groups.</param>
/// <param name="Metric">One of <see cref="PromotionSpec.FairnessMetrics"/>.</param>
/// <param name="MaxGap">The largest allowed difference, between 0 and 1.</param>
public sealed record FairnessGate(string Column, string Metric, double MaxGap);
