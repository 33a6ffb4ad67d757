namespace Gangway.Evaluation;

/// <summary>A percentile bootstrap confidence interval of one metric.</summary>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound.</param>
public sealed record ConfidenceInterval(double Lower, double Upper);
