using MathNet.Numerics.Distributions;

namespace Gangway.Evaluation;

/// <summary>
/// DeLong, DeLong and Clarke-Pearson (1988): compares the ROC AUCs of two models scored on the same rows, computed in
/// O(n log n) from midranks as in Sun and Xu (2014). Ties count one half, as in <see cref="RocAuc"/>.
/// </summary>
public static class DeLongTest
{
    /// <summary>Tests whether <paramref name="second"/>'s scores have a different ROC AUC than <paramref name="first"/>'s on the same rows.</summary>
    /// <param name="actual">The true class of each row (true for the positive class).</param>
    /// <param name="first">The first model's scores (e.g. probabilities), one per row.</param>
    /// <param name="second">The second model's scores, one per row.</param>
    /// <param name="confidence">The confidence level of the interval for the difference, strictly between 0 and 1.</param>
    /// <exception cref="GangwayException">
    /// The arrays differ in length, the confidence is outside (0, 1), a score is NaN, or the rows do not hold at least two
    /// positive and two negative rows (the variance needs two of each).
    /// </exception>
    public static DeLongResult Compare(IReadOnlyList<bool> actual, IReadOnlyList<double> first, IReadOnlyList<double> second, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        Check(actual, first, second, confidence);
        var positives = Enumerable.Range(0, actual.Count).Where(i => actual[i]).ToArray();
        var negatives = Enumerable.Range(0, actual.Count).Where(i => !actual[i]).ToArray();
        var a = Components(first, positives, negatives);
        var b = Components(second, positives, negatives);
        var (m, n) = ((double)positives.Length, (double)negatives.Length);

        // Var(B - A) = Var(B) + Var(A) - 2 Cov(A, B), each term S10/m + S01/n over the placement values.
        var variance = (Covariance(b.Positive, b.Positive) + Covariance(a.Positive, a.Positive) - (2 * Covariance(a.Positive, b.Positive))) / m
            + ((Covariance(b.Negative, b.Negative) + Covariance(a.Negative, a.Negative) - (2 * Covariance(a.Negative, b.Negative))) / n);
        var standardError = Math.Sqrt(Math.Max(0, variance));
        var difference = b.Auc - a.Auc;
        var critical = Normal.InvCDF(0, 1, (1 + confidence) / 2);
        double? z = standardError > 0 ? difference / standardError : difference == 0 ? 0 : null;
        var p = z is { } value ? Math.Min(1, 2 * Normal.CDF(0, 1, -Math.Abs(value))) : 0;
        return new DeLongResult(
            a.Auc,
            b.Auc,
            difference,
            standardError,
            confidence,
            difference - (critical * standardError),
            difference + (critical * standardError),
            z,
            p);
    }

    /// <summary>
    /// One model's ROC AUC with DeLong's standard error, √(S10 / m + S01 / n) over the placement values; <see langword="null"/>
    /// with fewer than two positive or two negative rows (the variance needs two of each).
    /// </summary>
    internal static (double Auc, double StandardError)? Single(IReadOnlyList<bool> actual, IReadOnlyList<double> score)
    {
        var positives = Enumerable.Range(0, actual.Count).Where(i => actual[i]).ToArray();
        var negatives = Enumerable.Range(0, actual.Count).Where(i => !actual[i]).ToArray();
        if (positives.Length < 2 || negatives.Length < 2)
        {
            return null;
        }

        var a = Components(score, positives, negatives);
        var variance = (Covariance(a.Positive, a.Positive) / positives.Length) + (Covariance(a.Negative, a.Negative) / negatives.Length);
        return (a.Auc, Math.Sqrt(Math.Max(0, variance)));
    }

    // Placement values: for each positive, the share of negatives it outscores; for each negative, the share of positives
    // that outscore it (ties one half). Their means are the AUC.
    private static (double Auc, double[] Positive, double[] Negative) Components(IReadOnlyList<double> score, int[] positives, int[] negatives)
    {
        var (m, n) = (positives.Length, negatives.Length);
        var positiveScores = positives.Select(i => score[i]).ToArray();
        var negativeScores = negatives.Select(i => score[i]).ToArray();
        var withinPositives = Midranks(positiveScores);
        var withinNegatives = Midranks(negativeScores);
        var overall = Midranks([.. positiveScores, .. negativeScores]);
        var positive = new double[m];
        for (var i = 0; i < m; i++)
        {
            positive[i] = (overall[i] - withinPositives[i]) / n;
        }

        var negative = new double[n];
        for (var j = 0; j < n; j++)
        {
            negative[j] = 1 - ((overall[m + j] - withinNegatives[j]) / m);
        }

        return (positive.Average(), positive, negative);
    }

    // The 1-based rank of each value, tied values sharing the mean of their ranks.
    internal static double[] Midranks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).ToArray();
        Array.Sort([.. values], order);
        var ranks = new double[values.Length];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            var meanRank = ((start + 1) + (end + 1)) / 2.0;
            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = meanRank;
            }

            start = end + 1;
        }

        return ranks;
    }

    // The sample covariance (divisor count - 1), as DeLong's S10 and S01.
    private static double Covariance(double[] x, double[] y)
    {
        var (meanX, meanY) = (x.Average(), y.Average());
        double sum = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sum += (x[i] - meanX) * (y[i] - meanY);
        }

        return sum / (x.Length - 1);
    }

    private static void Check(IReadOnlyList<bool> actual, IReadOnlyList<double> first, IReadOnlyList<double> second, double confidence)
    {
        if (first.Count != actual.Count || second.Count != actual.Count)
        {
            throw new GangwayException(
                ErrorKind.InvalidInput,
                $"DeLong's test needs one score per row from each model; there are {actual.Count} rows, {first.Count} and {second.Count} scores.");
        }

        if (!(confidence is > 0 and < 1))
        {
            throw new GangwayException(ErrorKind.InvalidConfiguration, $"The confidence must be between 0 and 1 (exclusive); got {confidence.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        }

        var row = Enumerable.Range(0, actual.Count).FirstOrDefault(i => double.IsNaN(first[i]) || double.IsNaN(second[i]), -1);
        if (row >= 0)
        {
            throw new GangwayException(ErrorKind.InvalidInput, $"DeLong's test needs a score on every row; row {row} has a missing score.", row, null);
        }

        var positives = actual.Count(a => a);
        if (positives < 2 || actual.Count - positives < 2)
        {
            throw new GangwayException(
                ErrorKind.InvalidInput,
                $"DeLong's test needs at least two positive and two negative rows; there are {positives} positive and {actual.Count - positives} negative.");
        }
    }
}
