namespace Gangway.OnlineEvaluation;

/// <summary>
/// Runs a <see cref="SequentialTest"/> of a challenger against the champion over their records in time order, as if it
/// had been looked at after every record: so its p-value and confidence sequence are those a watcher would have seen.
/// </summary>
internal static class ChallengerTest
{
    /// <summary>Paired on shared answer ids when the challenger is a shadow, otherwise unpaired.</summary>
    public static SequentialTestResult Run(VariantRecords champion, VariantRecords challenger, DecisionRule rule)
    {
        var test = new SequentialTest(challenger.IsShadow, new SequentialTestOptions { Confidence = rule.Confidence });
        if (challenger.IsShadow)
        {
            RunPaired(test, champion, challenger, rule.Metric);
        }
        else
        {
            RunMerged(test, champion, challenger, rule.Metric);
        }

        return test.Result;
    }

    // A shadow scores every served record; it is compared on those the champion answered, pair by pair.
    private static void RunPaired(SequentialTest test, VariantRecords champion, VariantRecords shadow, DecisionMetric metric)
    {
        var answered = new Dictionary<string, int>(champion.Count, StringComparer.Ordinal);
        for (var i = 0; i < champion.Count; i++)
        {
            answered.TryAdd(champion.AnswerIds[i], i);
        }

        for (var k = 0; k < shadow.Count; k++)
        {
            if (answered.TryGetValue(shadow.AnswerIds[k], out var i))
            {
                var (first, second) = (champion.Value(metric, i), shadow.Value(metric, k));
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
