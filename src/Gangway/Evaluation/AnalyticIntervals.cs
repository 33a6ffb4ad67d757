using MathNet.Numerics.Distributions;

namespace Gangway.Evaluation;

/// <summary>
/// Closed-form confidence intervals, for when a bootstrap would cost too much (online metrics over millions of records):
/// Wilson's score interval for a proportion, the normal interval for a mean, and DeLong's for one ROC AUC.
/// </summary>
internal static class AnalyticIntervals
{
    /// <summary>The two-sided standard normal quantile for <paramref name="confidence"/>, e.g. 1.96 for 0.95.</summary>
    public static double Critical(double confidence) => Normal.InvCDF(0, 1, (1 + confidence) / 2);

    /// <summary>
    /// Wilson's score interval for <paramref name="successes"/> out of <paramref name="trials"/> (Wilson 1927): unlike the
    /// Wald interval it stays inside [0, 1] and keeps its coverage near 0 and 1. <see langword="null"/> without trials.
    /// </summary>
    public static ConfidenceInterval? Wilson(long successes, long trials, double confidence)
    {
        if (trials == 0)
        {
            return null;
        }

        var z = Critical(confidence);
        var (n, p) = ((double)trials, (double)successes / trials);
        var denominator = 1 + (z * z / n);
        var centre = (p + (z * z / (2 * n))) / denominator;
        var half = z / denominator * Math.Sqrt((p * (1 - p) / n) + (z * z / (4 * n * n)));
        return new ConfidenceInterval(Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>
    /// The normal (central limit) interval for a mean: mean ± z · s / √n with the sample standard deviation s.
    /// <see langword="null"/> with fewer than two values.
    /// </summary>
    public static ConfidenceInterval? Mean(double mean, double sampleVariance, long count, double confidence)
    {
        if (count < 2)
        {
            return null;
        }

        var half = Critical(confidence) * Math.Sqrt(Math.Max(0, sampleVariance) / count);
        return new ConfidenceInterval(mean - half, mean + half);
    }

    /// <summary>
    /// DeLong's normal interval for one ROC AUC (the single-model case of <see cref="DeLongTest"/>), clipped to [0, 1];
    /// <see langword="null"/> with fewer than two positive or two negative rows.
    /// </summary>
    public static ConfidenceInterval? RocAuc(bool[] actual, double[] score, double confidence)
    {
        var (auc, standardError) = DeLongTest.Single(actual, score) ?? (double.NaN, double.NaN);
        if (double.IsNaN(auc))
        {
            return null;
        }

        var half = Critical(confidence) * standardError;
        return new ConfidenceInterval(Math.Max(0, auc - half), Math.Min(1, auc + half));
    }
}
