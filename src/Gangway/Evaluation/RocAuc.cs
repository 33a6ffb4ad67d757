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

        var order = Enumerable.Range(0, actual.Length).OrderBy(i => probability[i]).ToArray();
        double positiveRankSum = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && probability[order[end + 1]] == probability[order[start]])
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
