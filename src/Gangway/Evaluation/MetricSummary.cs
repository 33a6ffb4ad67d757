namespace Gangway.Evaluation;

/// <summary>One metric aggregated over the folds of a (repeated) cross-validation.</summary>
/// <param name="Name">The metric's JSON name, e.g. <c>accuracy</c> or <c>roc_auc</c>.</param>
/// <param name="Mean">The mean over the folds where the metric is defined; <see langword="null"/> when it is defined in none.</param>
/// <param name="StandardDeviation">
/// The population standard deviation over those folds (like numpy's <c>std</c>, which scikit-learn users report);
/// <see langword="null"/> when the metric is defined in no fold.
/// </param>
/// <param name="Count">The number of folds where the metric is defined (an AUC is undefined in a fold with one class).</param>
/// <param name="StandardError">
/// The standard error of <paramref name="Mean"/> corrected for overlapping training sets (Nadeau and Bengio, see
/// <see cref="CrossValidationReport"/>); <see langword="null"/> with fewer than two folds.
/// </param>
/// <param name="Interval">The t-interval for the mean with <paramref name="StandardError"/>; <see langword="null"/> when that is.</param>
public sealed record MetricSummary(string Name, double? Mean, double? StandardDeviation, int Count, double? StandardError = null, ConfidenceInterval? Interval = null);
