using Gangway.Evaluation;
using Gangway.Specs;

namespace Gangway.Comparison;

/// <summary>
/// Judges one metric of two models scored on the same rows: by DeLong's test for ROC AUC and McNemar's test for accuracy
/// (a model is better when p &lt; 1 - confidence), and by the paired bootstrap interval of the difference for the other
/// metrics (better when the interval excludes 0). Shared by <see cref="ModelComparison"/> and the promotion gates.
/// </summary>
internal static class PairedComparison
{
    /// <summary>DeLong's test (null with fewer than two rows of either class) and McNemar's test of two score columns.</summary>
    public static (DeLongResult? RocAuc, McNemarResult Accuracy) Tests(ScoredRows first, ScoredRows second, double confidence)
    {
        var positives = first.Actual.Count(a => a);
        var delong = positives >= 2 && first.Count - positives >= 2
            ? DeLongTest.Compare(first.Actual, first.Probability, second.Probability, confidence)
            : null;
        return (delong, McNemarTest.Compare(Correct(first), Correct(second), confidence));
    }

    /// <summary>The comparison of metric <paramref name="name"/>; <paramref name="interval"/> is the paired bootstrap interval of second minus first, if any.</summary>
    public static MetricComparison Row(
        string name,
        double? valueA,
        double? valueB,
        string labelA,
        string labelB,
        DeLongResult? delong,
        McNemarResult mcnemar,
        ConfidenceInterval? interval,
        double confidence)
    {
        var difference = valueA is { } x && valueB is { } y ? y - x : (double?)null;
        (string Test, double P, double Lower, double Upper)? test = name switch
        {
            "roc_auc" when delong is not null => ("delong", delong.PValue, delong.Lower, delong.Upper),
            "accuracy" => ("mcnemar", mcnemar.PValue, mcnemar.Lower, mcnemar.Upper),
            _ => null,
        };
        if (difference is not { } d)
        {
            return new MetricComparison(name, valueA, valueB, null, interval, null, null, null, ComparisonOutcome.NotJudged, null);
        }

        if (test is { } t)
        {
            var tested = t.P >= 1 - confidence || d == 0 ? ComparisonOutcome.NoDetectableDifference : d > 0 ? ComparisonOutcome.SecondBetter : ComparisonOutcome.FirstBetter;
            var verdict = Verdict.For(name, labelA, labelB, d, t.Lower, t.Upper, t.P, confidence);
            return new MetricComparison(name, valueA, valueB, d, interval, t.Test, t.P, new ConfidenceInterval(t.Lower, t.Upper), tested, verdict);
        }

        if (interval is null)
        {
            return new MetricComparison(name, valueA, valueB, d, null, null, null, null, ComparisonOutcome.NotJudged, null);
        }

        var lowerIsBetter = PromotionSpecValidator.LowerIsBetter(name);
        var outcome = interval.Lower > 0 || interval.Upper < 0
            ? (interval.Lower > 0) != lowerIsBetter ? ComparisonOutcome.SecondBetter : ComparisonOutcome.FirstBetter
            : ComparisonOutcome.NoDetectableDifference;
        return new MetricComparison(name, valueA, valueB, d, interval, null, null, null, outcome, Verdict.ForInterval(name, labelA, labelB, d, interval, outcome));
    }

    private static bool[] Correct(ScoredRows rows) => [.. Enumerable.Range(0, rows.Count).Select(i => rows.Actual[i] == rows.Predicted[i])];
}
