using System.Text.Json.Nodes;

namespace Gangway.Evaluation;

/// <summary>
/// The immutable result of <see cref="BinaryClassificationEvaluator.Evaluate"/>: overall metrics, metrics per slice value
/// and metrics per baseline, in the order the options name them.
/// </summary>
public sealed class BinaryClassificationReport
{
    internal BinaryClassificationReport(
        string labelColumn,
        Metrics overall,
        IReadOnlyList<SliceMetrics> slices,
        IReadOnlyList<BaselineMetrics> baselines,
        MetricIntervals? intervals = null)
    {
        Intervals = intervals;
        LabelColumn = labelColumn;
        Overall = overall;
        Slices = slices;
        Baselines = baselines;
    }

    /// <summary>The column the true classes came from.</summary>
    public string LabelColumn { get; }

    /// <summary>The metrics over all rows.</summary>
    public Metrics Overall { get; }

    /// <summary>The bootstrap confidence intervals of the overall metrics, when the evaluation computed them.</summary>
    public MetricIntervals? Intervals { get; }

    /// <summary>Metrics per slice column and value: columns in option order, values sorted (numbers numerically, text ordinally), missing last.</summary>
    public IReadOnlyList<SliceMetrics> Slices { get; }

    /// <summary>Metrics per baseline, in option order.</summary>
    public IReadOnlyList<BaselineMetrics> Baselines { get; }

    /// <summary>
    /// The report as indented JSON with the keys <c>accuracy</c>, <c>precision</c>, <c>recall</c>, <c>f1</c>,
    /// <c>roc_auc</c>, <c>log_loss</c>, <c>brier</c>, <c>confusion_matrix</c>, <c>calibration</c>, <c>rows</c>,
    /// <c>positives</c>, <c>slices</c> (slice column → value → metrics) and <c>baselines</c> (name → metrics).
    /// With intervals, the overall metrics and each slice add <c>confidence_level</c> and <c>confidence_intervals</c>
    /// (metric → [lower, upper]); a slice too small for intervals has <c>confidence_intervals</c> null and a
    /// <c>confidence_note</c> saying why. Doubles are written in full; an undefined value is <c>null</c>, never NaN.
    /// </summary>
    public string ToJson()
    {
        var root = MetricsJson.Write(Overall, Intervals);
        var slices = new JsonObject();
        foreach (var slice in Slices)
        {
            var byValue = slices[slice.Column] as JsonObject ?? [];
            byValue[slice.Value] = MetricsJson.Write(slice.Metrics, slice.Intervals);
            slices[slice.Column] = byValue;
        }

        var baselines = new JsonObject();
        foreach (var baseline in Baselines)
        {
            baselines[baseline.Name] = MetricsJson.Write(baseline.Metrics);
        }

        root["slices"] = slices;
        root["baselines"] = baselines;
        return root.ToJsonString(MetricsJson.Indented);
    }
}
