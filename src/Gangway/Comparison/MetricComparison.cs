namespace Gangway.Comparison;

/// <summary>One metric of two models on the same rows, with the paired test when the metric has one.</summary>
/// <param name="Metric">The metric's report name, e.g. <c>roc_auc</c>.</param>
/// <param name="First">The first model's value (<see langword="null"/> when undefined, e.g. an AUC with one class).</param>
/// <param name="Second">The second model's value.</param>
/// <param name="Difference">Second minus first, when both are defined.</param>
/// <param name="Test">The paired test behind <paramref name="PValue"/>: <c>delong</c>, <c>mcnemar</c>, or <see langword="null"/> for none.</param>
/// <param name="PValue">The two-sided p-value of "no difference", when tested.</param>
/// <param name="Lower">The lower end of the test's confidence interval for the difference, when tested.</param>
/// <param name="Upper">The upper end of the test's confidence interval for the difference, when tested.</param>
/// <param name="Verdict">The plain-words conclusion for a tested metric, <see langword="null"/> otherwise.</param>
public sealed record MetricComparison(
    string Metric,
    double? First,
    double? Second,
    double? Difference,
    string? Test,
    double? PValue,
    double? Lower,
    double? Upper,
    string? Verdict);
