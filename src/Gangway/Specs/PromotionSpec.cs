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

    /// <summary>
    /// The confidence level (e.g. 0.95) for every <c>minimum</c>, <c>no_regression</c>, slice and <c>beats</c> gate that
    /// does not set its own, or null: those gates are then judged on the point estimate as before (beats at 0.95).
    /// </summary>
    public double? Confidence { get; init; }

    /// <summary>The confidence level of the overall <see cref="Minimum"/> thresholds (<c>minimum: {roc_auc: 0.85, confidence: 0.95}</c>), or null for <see cref="Confidence"/>.</summary>
    public double? MinimumConfidence { get; init; }

    /// <summary>The models the candidate must be shown better than (<c>beats</c>), or null.</summary>
    public BeatsGate? Beats { get; init; }

    /// <summary>The confidence level a gate is judged at: its own, else the promotion's, else null (point estimate).</summary>
    public double? ConfidenceFor(double? gateConfidence) => gateConfidence ?? Confidence;
}

/// <summary>A threshold on one metric.</summary>
/// <param name="Metric">A metric name of <see cref="Evaluation.Metrics.Scalars"/>, e.g. <c>roc_auc</c>.</param>
/// <param name="Value">The smallest value allowed (the largest for <c>log_loss</c> and <c>brier</c>).</param>
public sealed record MetricThreshold(string Metric, double Value);

/// <summary>The candidate's <paramref name="Metric"/> must be at least the current version's minus <paramref name="Tolerance"/>.</summary>
/// <param name="Metric">A metric name of <see cref="Evaluation.Metrics.Scalars"/>.</param>
/// <param name="Tolerance">How much worse the candidate may be (not negative; default 0).</param>
public sealed record NoRegressionGate(string Metric, double Tolerance = 0)
{
    /// <summary>
    /// The confidence level, or null for <see cref="PromotionSpec.Confidence"/>. With one, the gate fails only when the
    /// paired bootstrap interval of candidate minus current lies entirely beyond the tolerance on the worse side.
    /// </summary>
    public double? Confidence { get; init; }
}

/// <summary>Thresholds that each group of <paramref name="Column"/> must meet on its own.</summary>
/// <param name="Column">An input or id column whose values define the groups.</param>
/// <param name="Minimum">The thresholds, as in <see cref="PromotionSpec.Minimum"/>.</param>
public sealed record SliceGate(string Column, IReadOnlyList<MetricThreshold> Minimum)
{
    /// <summary>The confidence level of the thresholds (<c>minimum: {accuracy: 0.7, confidence: 0.95}</c>), or null for <see cref="PromotionSpec.Confidence"/>.</summary>
    public double? Confidence { get; init; }
}

/// <summary>
/// The candidate must be better than each of <paramref name="Of"/> on <paramref name="Metric"/> by a paired test on the
/// promotion data: DeLong's for <c>roc_auc</c>, McNemar's for <c>accuracy</c>, the paired bootstrap interval otherwise.
/// </summary>
/// <param name="Of">Names of the spec's rule <c>baselines</c>, <c>majority_class</c>, or <c>champion</c> (the alias's current version).</param>
/// <param name="Metric">A metric name of <see cref="Evaluation.Metrics.Scalars"/>; default <c>roc_auc</c>.</param>
public sealed record BeatsGate(IReadOnlyList<string> Of, string Metric = BeatsGate.DefaultMetric)
{
    /// <summary>The metric a <c>beats</c> gate compares when it names none: <c>roc_auc</c>.</summary>
    public const string DefaultMetric = "roc_auc";

    /// <summary>The name that means the current version of the alias being promoted.</summary>
    public const string Champion = "champion";

    /// <summary>The confidence level when neither the gate nor the promotion section gives one: 0.95.</summary>
    public const double DefaultConfidence = 0.95;

    /// <summary>The confidence level, or null for <see cref="PromotionSpec.Confidence"/> (else <see cref="DefaultConfidence"/>).</summary>
    public double? Confidence { get; init; }

    /// <summary>Compares the names in order: records with lists otherwise compare by reference.</summary>
    public bool Equals(BeatsGate? other) =>
        other is not null && Of.SequenceEqual(other.Of, StringComparer.Ordinal) && Metric == other.Metric && Confidence == other.Confidence;

    /// <summary>A hash consistent with <see cref="Equals(BeatsGate)"/>.</summary>
    public override int GetHashCode() => HashCode.Combine(Of.Count, Metric, Confidence);
}

/// <summary>The largest allowed difference of a group metric between any two groups of <paramref name="Column"/>.</summary>
/// <param name="Column">An input or id column whose values define the groups.</param>
/// <param name="Metric">One of <see cref="PromotionSpec.FairnessMetrics"/>.</param>
/// <param name="MaxGap">The largest allowed difference, between 0 and 1.</param>
public sealed record FairnessGate(string Column, string Metric, double MaxGap);
