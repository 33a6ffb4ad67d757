namespace Gangway.Profiling;

/// <summary>
/// Summary statistics of the finite values of a numeric column with at least one. Infinities count as present values in
/// <see cref="ColumnProfile"/> (distinct count, frequencies) but are left out here: they would make the mean and spread
/// meaningless and cannot be written as JSON numbers.
/// </summary>
/// <param name="Min">The smallest value.</param>
/// <param name="Max">The largest value.</param>
/// <param name="Mean">The arithmetic mean.</param>
/// <param name="StandardDeviation">
/// The sample standard deviation (divisor n − 1, like pandas' <c>describe</c>); <see langword="null"/> with fewer than two values.
/// </param>
/// <param name="Quantiles">The quantiles at <see cref="DataProfiler.QuantileProbabilities"/>, in that order.</param>
public sealed record NumericSummary(
    double Min,
    double Max,
    double Mean,
    double? StandardDeviation,
    IReadOnlyList<QuantileValue> Quantiles)
{
    /// <summary>The quantile at <paramref name="probability"/> (one of <see cref="DataProfiler.QuantileProbabilities"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">That probability was not profiled.</exception>
    public double Quantile(double probability) =>
        Quantiles.FirstOrDefault(q => q.Probability == probability)?.Value
        ?? throw new ArgumentOutOfRangeException(
            nameof(probability),
            probability,
            $"Only these quantiles are profiled: {string.Join(", ", Quantiles.Select(q => q.Probability))}.");
}
