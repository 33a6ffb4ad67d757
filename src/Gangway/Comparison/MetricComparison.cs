using Gangway.Evaluation;

namespace Gangway.Comparison;

/// <summary>One metric of two models on the same rows: the difference, its paired bootstrap interval, and the paired test when the metric has one.</summary>
/// <param name="Metric">The metric's report name, e.g. <c>roc_auc</c>.</param>
/// <param name="First">The first model's value (<see langword="null"/> when undefined, e.g. an AUC with one class).</param>
/// <param name="Second">The second model's value.</param>
/// <param name="Difference">Second minus first, when both are defined.</param>
/// <param name="Interval">
/// The paired stratified bootstrap interval of second minus first (both models on the same resampled rows), or
/// <see langword="null"/> when not bootstrapped or the metric is undefined in most resamples.
/// </param>
/// <param name="Test">The paired test behind <paramref name="PValue"/>: <c>delong</c>, <c>mcnemar</c>, or <see langword="null"/> for none.</param>
/// <param name="PValue">The two-sided p-value of "no difference", when tested.</param>
/// <param name="TestInterval">The test's own confidence interval for the difference, when tested.</param>
/// <param name="Outcome">Which model is better at the confidence level, and by which method it was judged.</param>
/// <param name="Verdict">The plain-words conclusion, <see langword="null"/> when the metric could not be judged.</param>
public sealed record MetricComparison(
    string Metric,
    double? First,
    double? Second,
    double? Difference,
    ConfidenceInterval? Interval,
    string? Test,
    double? PValue,
    ConfidenceInterval? TestInterval,
    ComparisonOutcome Outcome,
    string? Verdict);

/// <summary>What a paired comparison of one metric concluded.</summary>
public enum ComparisonOutcome
{
    /// <summary>Neither a test nor an interval was available (an undefined metric, or no bootstrap).</summary>
    NotJudged,

    /// <summary>The difference is within what chance on these rows explains.</summary>
    NoDetectableDifference,

    /// <summary>The first model (A) is better at the confidence level.</summary>
    FirstBetter,

    /// <summary>The second model (B) is better at the confidence level.</summary>
    SecondBetter,
}
