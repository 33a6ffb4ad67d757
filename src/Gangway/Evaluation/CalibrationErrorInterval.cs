using MathNet.Numerics.Distributions;

namespace Gangway.Evaluation;

/// <summary>
/// A percentile bootstrap interval for the expected calibration error whose cost does not grow with the rows. The error
/// depends on the rows only through each bin's count and sum of residuals (probability − outcome), so a resample draws
/// those directly: the bin counts from the multinomial a row bootstrap gives them, each bin's residual sum from its
/// normal approximation given the count (the central limit theorem for a sum of resampled residuals). A thousand
/// resamples of ten bins take microseconds where a row bootstrap of a million rows takes seconds.
/// </summary>
internal static class CalibrationErrorInterval
{
    /// <summary>The interval, or <see langword="null"/> without rows.</summary>
    /// <param name="actual">The true class of each row.</param>
    /// <param name="probability">The probability of the positive class of each row.</param>
    /// <param name="confidence">The confidence level, strictly between 0 and 1.</param>
    /// <param name="resamples">The number of resamples.</param>
    /// <param name="seed">The seed of the resamples: the same seed gives the same interval.</param>
    public static ConfidenceInterval? Compute(bool[] actual, double[] probability, double confidence, int resamples, int seed)
    {
        var rows = actual.Length;
        if (rows == 0)
        {
            return null;
        }

        var bins = CalibrationTable.BinCount;
        var (counts, sums, squares) = (new int[bins], new double[bins], new double[bins]);
        for (var i = 0; i < rows; i++)
        {
            var bin = CalibrationTable.BinOf(probability[i]);
            var residual = probability[i] - (actual[i] ? 1 : 0);
            counts[bin]++;
            sums[bin] += residual;
            squares[bin] += residual * residual;
        }

        var random = new Random(seed);
        var values = new double[resamples];
        for (var resample = 0; resample < resamples; resample++)
        {
            // The multinomial bin counts as a chain of binomials, each bin taking its share of the rows still left.
            var (left, leftShare, gap) = (rows, 1.0, 0.0);
            for (var bin = 0; bin < bins && left > 0; bin++)
            {
                if (counts[bin] == 0)
                {
                    continue;
                }

                var share = (double)counts[bin] / rows;
                var drawn = BinomialSampler.Sample(left, Math.Min(1, share / leftShare), random.NextDouble());
                (left, leftShare) = (left - drawn, leftShare - share);
                var mean = sums[bin] / counts[bin];
                var variance = Math.Max(0, (squares[bin] / counts[bin]) - (mean * mean));
                gap += Math.Abs(drawn * mean + Math.Sqrt(drawn * variance) * Normal.Sample(random, 0, 1));
            }

            values[resample] = gap / rows;
        }

        Array.Sort(values);
        var alpha = (1 - confidence) / 2;
        return new ConfidenceInterval(Quantile(values, alpha), Quantile(values, 1 - alpha));
    }

    // numpy's default (linear) quantile of sorted values, as the row bootstrap uses.
    private static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
