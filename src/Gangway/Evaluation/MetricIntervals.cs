namespace Gangway.Evaluation;

/// <summary>
/// The confidence intervals of the scalar metrics of one set of rows (overall or one slice), or the reason there are none.
/// </summary>
/// <param name="Confidence">The confidence level, e.g. 0.95.</param>
/// <param name="Intervals">
/// The interval of each metric by its report name (<c>accuracy</c>, <c>roc_auc</c>, ...); a metric undefined in most
/// resamples (an AUC of rows that are nearly all one class) has none. Empty when <paramref name="Note"/> is set.
/// </param>
/// <param name="Note">Why there are no intervals, e.g. too few rows; <see langword="null"/> when there are.</param>
public sealed record MetricIntervals(double Confidence, IReadOnlyDictionary<string, ConfidenceInterval> Intervals, string? Note);
