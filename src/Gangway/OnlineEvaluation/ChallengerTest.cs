namespace Gangway.OnlineEvaluation;

/// <summary>
/// Runs a <see cref="SequentialTest"/> of a challenger against the champion over their records in time order, as if it
/// had been looked at after every record: so its p-value and confidence sequence are those a watcher would have seen.
/// </summary>
internal static class ChallengerTest
{
    /// <summary>
    /// Paired when the challenger is a shadow (<paramref name="pairs"/> from <see cref="Pairs"/>), otherwise unpaired.
    /// </summary>
    public static SequentialTestResult Run(VariantRecords champion, VariantRecords challenger, int[]? pairs, DecisionRule rule)
    {
        var test = new SequentialTest(challenger.IsShadow, new SequentialTestOptions { Confidence = rule.Confidence });
        if (challenger.IsShadow)
        {
            RunPaired(test, champion, challenger, pairs ?? Pairs(champion, challenger), rule.Metric);
        }
        else
        {
            RunMerged(test, champion, challenger, rule.Metric);
        }

        return test.Result;
    }

    /// <summary>
    /// For each record of <paramref name="shadow"/>, the champion's record with the same answer id, or -1: a shadow scores
    /// every served record and is compared on those the champion answered.
    /// </summary>
    public static int[] Pairs(VariantRecords champion, VariantRecords shadow)
    {
        var answered = new Dictionary<string, int>(champion.Count, StringComparer.Ordinal);
        for (var i = 0; i < champion.Count; i++)
        {
            answered.TryAdd(champion.AnswerIds[i], i);
        }

        var pairs = new int[shadow.Count];
        for (var k = 0; k < shadow.Count; k++)
        {
            pairs[k] = answered.TryGetValue(shadow.AnswerIds[k], out var i) ? i : -1;
        }

        return pairs;
    }

    private static void RunPaired(SequentialTest test, VariantRecords champion, VariantRecords shadow, int[] pairs, DecisionMetric metric)
    {
        for (var k = 0; k < shadow.Count; k++)
        {
            if (pairs[k] >= 0)
            {
                var (first, second) = (champion.Value(metric, pairs[k]), shadow.Value(metric, k));
                if (!double.IsNaN(first) && !double.IsNaN(second))
                {
                    test.AddPair(first, second);
                }
            }
        }
    }

    private static void RunMerged(SequentialTest test, VariantRecords champion, VariantRecords challenger, DecisionMetric metric)
    {
        var (i, k) = (0, 0);
        while (i < champion.Count || k < challenger.Count)
        {
            if (k >= challenger.Count || (i < champion.Count && champion.Ticks[i] <= challenger.Ticks[k]))
            {
                var value = champion.Value(metric, i++);
                if (!double.IsNaN(value))
                {
                    test.AddChampion(value);
                }
            }
            else
            {
                var value = challenger.Value(metric, k++);
                if (!double.IsNaN(value))
                {
                    test.AddChallenger(value);
                }
            }
        }
    }
}
