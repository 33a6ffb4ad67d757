namespace Gangway.Profiling;

/// <summary>One quantile of a numeric column.</summary>
/// <param name="Probability">The probability, e.g. 0.25 for the first quartile.</param>
/// <param name="Value">The quantile (see <see cref="DataProfiler.QuantileProbabilities"/> for the method).</param>
public sealed record QuantileValue(double Probability, double Value);
