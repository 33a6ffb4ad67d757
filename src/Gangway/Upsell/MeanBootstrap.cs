using Gangway.Evaluation;

namespace Gangway.Upsell;

/// <summary>
/// Percentile bootstrap intervals of two means over independent samples and of their difference: each sample is
/// resampled with replacement on its own (as counts per row, by <see cref="StratifiedBootstrap"/> with a single stratum),
/// resample <c>k</c> of both feeding replicate <c>k</c> of the difference. Depends only on the seed.
/// </summary>
internal static class MeanBootstrap
{
    /// <summary>Intervals of the mean of <paramref name="first"/>, of <paramref name="second"/>, and of the first minus the second.</summary>
    public static (ConfidenceInterval First, ConfidenceInterval Second, ConfidenceInterval Difference) Intervals(
        double[] first, double[] second, BootstrapOptions options)
    {
        var firstMeans = Replicates(first, options.Seed, options.Resamples);
        // A different stream for the second sample, so the two are resampled independently.
        var secondMeans = Replicates(second, unchecked(options.Seed ^ 0x5BD1E995), options.Resamples);
        var differences = firstMeans.Zip(secondMeans, (a, b) => a - b).ToArray();
        return (Interval(firstMeans, options.Confidence), Interval(secondMeans, options.Confidence), Interval(differences, options.Confidence));
    }

    private static double[] Replicates(double[] values, int seed, int resamples)
    {
        var bootstrap = new StratifiedBootstrap(new bool[values.Length], seed);
        var counts = new int[values.Length];
        var means = new double[resamples];
        for (var resample = 0; resample < resamples; resample++)
        {
            bootstrap.Fill(resample, counts);
            var sum = 0.0;
            for (var row = 0; row < values.Length; row++)
            {
                sum += counts[row] * values[row];
            }

            means[resample] = sum / values.Length;
        }

        return means;
    }

    private static ConfidenceInterval Interval(double[] replicates, double confidence)
    {
        var sorted = replicates.Order().ToArray();
        var alpha = (1 - confidence) / 2;
        return new ConfidenceInterval(Quantile(sorted, alpha), Quantile(sorted, 1 - alpha));
    }

    // numpy's default (linear) quantile of sorted values, as BootstrapIntervals uses.
    private static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
