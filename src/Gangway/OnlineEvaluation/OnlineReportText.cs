using System.Globalization;
using System.Text;

namespace Gangway.OnlineEvaluation;

/// <summary>Writes an <see cref="OnlineReport"/> as a plain-text table for a terminal.</summary>
internal static class OnlineReportText
{
    private static readonly string[] Headers = ["variant", "kind", "predictions", "labelled", "accuracy", "roc_auc", "log_loss", "brier", "ece", "mean_reward"];

    public static string Write(OnlineReport report)
    {
        var rows = new List<string[]> { Headers };
        rows.AddRange(report.Variants.Select(v => new[]
        {
            v.Variant,
            v.IsShadow ? "shadow" : "served",
            v.Predictions.ToString("N0", CultureInfo.InvariantCulture),
            v.Labelled.ToString("N0", CultureInfo.InvariantCulture),
            Estimate(v.Accuracy),
            Estimate(v.RocAuc),
            Estimate(v.LogLoss),
            Estimate(v.Brier),
            Estimate(v.ExpectedCalibrationError),
            Estimate(v.MeanReward),
        }));
        var widths = Enumerable.Range(0, Headers.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        var confidence = (report.Confidence * 100).ToString("0.##", CultureInfo.InvariantCulture);
        text.Append(CultureInfo.InvariantCulture, $"Online metrics{(report.Model is null ? string.Empty : $" of {report.Model}")} ({confidence}% intervals in brackets)\n");
        foreach (var row in rows)
        {
            text.Append(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd()).Append('\n');
        }

        if (report.Rules is { } rules)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nDecisions against '{rules.Champion}' (decide: {(rules.Decide == DecisionMode.Auto ? "auto" : "report")})\n");
            foreach (var decision in report.Decisions)
            {
                text.Append(CultureInfo.InvariantCulture, $"{decision.Variant}: {OnlineReportJson.OutcomeName(decision.Outcome)}. {decision.Reason}\n");
            }
        }

        return text.ToString();
    }

    private static string Estimate(OnlineEstimate? estimate) => estimate switch
    {
        null => "-",
        { Interval: null } => Number(estimate.Value),
        _ => $"{Number(estimate.Value)} [{Number(estimate.Interval.Lower)}, {Number(estimate.Interval.Upper)}]",
    };

    private static string Number(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
