namespace Gangway.Evaluation;

/// <summary>The area under the ROC curve as the Mann-Whitney U statistic: rank-based, exact, ties counting one half.</summary>
internal static class RocAuc
{
    /// <summary>The AUC, or <see langword="null"/> when the rows do not hold both classes.</summary>
    public static double? Compute(bool[] actual, double[] probability)
    {
        var positives = actual.Count(a => a);
        var negatives = actual.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return null;
        }

        // Array.Sort of the keys is several times faster than OrderBy at 1M rows; the order within ties does not matter.
        var sorted = (double[])probability.Clone();
        var order = Enumerable.Range(0, actual.Length).ToArray();
        Array.Sort(sorted, order);
        double positiveRankSum = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && sorted[end + 1] == sorted[start])
            {
                end++;
            }

            // Tied scores share the mean of their 1-based ranks, which makes each tied positive/negative pair count 1/2.
            var meanRank = ((start + 1) + (end + 1)) / 2.0;
            for (var k = start; k <= end; k++)
            {
                if (actual[order[k]])
                {
                    positiveRankSum += meanRank;
                }
            }

            start = end + 1;
        }

        var u = positiveRankSum - (positives * (positives + 1.0) / 2.0);
        return u / ((double)positives * negatives);
    }
}
