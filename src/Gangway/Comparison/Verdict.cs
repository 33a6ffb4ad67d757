using System.Globalization;
using Gangway.Evaluation;

namespace Gangway.Comparison;

/// <summary>Words for a paired test's outcome: "B is better on roc_auc: +0.031 [+0.004, +0.058], p = 0.02".</summary>
internal static class Verdict
{
    /// <summary>
    /// The verdict for a metric where higher is better: a model is better only when p is below 1 - confidence; the
    /// difference and interval are then the better model's lead. Otherwise "no detectable difference", with B - A.
    /// </summary>
    public static string For(string metric, string first, string second, double difference, double lower, double upper, double pValue, double confidence)
    {
        var figures = $"{Signed(difference)} [{Signed(lower)}, {Signed(upper)}], p {P(pValue)}";
        if (pValue >= 1 - confidence || difference == 0)
        {
            return $"No detectable difference on {metric} ({second} - {first}): {figures}";
        }

        return difference > 0
            ? $"{second} is better on {metric}: {figures}"
            : $"{first} is better on {metric}: {Signed(-difference)} [{Signed(-upper)}, {Signed(-lower)}], p {P(pValue)}";
    }

    /// <summary>
    /// The verdict for a metric without a classic test, judged from the paired bootstrap interval of B - A: the better
    /// model's difference over the other (for log_loss and brier a better model's difference is negative), e.g.
    /// "B is better on f1: +0.040 [+0.010, +0.071] (paired bootstrap)".
    /// </summary>
    public static string ForInterval(string metric, string first, string second, double difference, ConfidenceInterval interval, ComparisonOutcome outcome) => outcome switch
    {
        ComparisonOutcome.SecondBetter => $"{second} is better on {metric}: {Figures(difference, interval.Lower, interval.Upper)} (paired bootstrap)",
        ComparisonOutcome.FirstBetter => $"{first} is better on {metric}: {Figures(-difference, -interval.Upper, -interval.Lower)} (paired bootstrap)",
        _ => $"No detectable difference on {metric} ({second} - {first}): {Figures(difference, interval.Lower, interval.Upper)} (paired bootstrap)",
    };

    /// <summary>A difference with its sign, three decimals: +0.031, -0.004, +0.000.</summary>
    public static string Signed(double value) => (value >= 0 ? "+" : "-") + Math.Abs(value).ToString("0.000", CultureInfo.InvariantCulture);

    private static string Figures(double difference, double lower, double upper) => $"{Signed(difference)} [{Signed(lower)}, {Signed(upper)}]";

    /// <summary>"= 0.02", "= 1", or "&lt; 0.001" for anything smaller.</summary>
    public static string P(double value) => value < 0.001 ? "< 0.001" : "= " + value.ToString("G2", CultureInfo.InvariantCulture);
}
