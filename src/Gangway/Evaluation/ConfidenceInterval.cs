namespace Gangway.Evaluation;

/// <summary>A confidence interval of one metric (a percentile bootstrap, or a t-interval over cross-validation folds).</summary>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound.</param>
public sealed record ConfidenceInterval(double Lower, double Upper);
