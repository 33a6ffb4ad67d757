using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gangway.Evaluation;

/// <summary>Writes <see cref="Metrics"/> as snake_case JSON with full-precision doubles; anything not finite becomes null.</summary>
internal static class MetricsJson
{
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static JsonObject Write(Metrics metrics, MetricIntervals? intervals)
    {
        var written = Write(metrics);
        if (intervals is not null)
        {
            written["confidence_level"] = intervals.Confidence;
            written["confidence_intervals"] = intervals.Note is null ? Intervals(intervals) : null;
            if (intervals.Note is not null)
            {
                written["confidence_note"] = intervals.Note;
            }
        }

        return written;
    }

    public static JsonObject Write(Metrics metrics)
    {
        var matrix = metrics.ConfusionMatrix;
        var calibration = new JsonArray();
        foreach (var bin in metrics.Calibration)
        {
            calibration.Add(new JsonObject
            {
                ["lower"] = Number(bin.Lower),
                ["upper"] = Number(bin.Upper),
                ["count"] = bin.Count,
                ["mean_predicted"] = Number(bin.MeanPredicted),
                ["observed_rate"] = Number(bin.ObservedRate),
            });
        }

        return new JsonObject
        {
            ["accuracy"] = Number(metrics.Accuracy),
            ["precision"] = Number(metrics.Precision),
            ["recall"] = Number(metrics.Recall),
            ["f1"] = Number(metrics.F1),
            ["roc_auc"] = Number(metrics.RocAuc),
            ["log_loss"] = Number(metrics.LogLoss),
            ["brier"] = Number(metrics.Brier),
            ["expected_calibration_error"] = Number(metrics.ExpectedCalibrationError),
            ["confusion_matrix"] = new JsonObject
            {
                ["tp"] = matrix.TruePositives,
                ["fp"] = matrix.FalsePositives,
                ["tn"] = matrix.TrueNegatives,
                ["fn"] = matrix.FalseNegatives,
                ["positive_label"] = matrix.PositiveLabel,
                ["negative_label"] = matrix.NegativeLabel,
            },
            ["calibration"] = calibration,
            ["rows"] = metrics.Rows,
            ["positives"] = metrics.Positives,
        };
    }

    private static JsonObject Intervals(MetricIntervals intervals)
    {
        var written = new JsonObject();
        foreach (var name in WeightedMetrics.Names)
        {
            written[name] = intervals.Intervals.TryGetValue(name, out var interval)
                ? new JsonArray(Number(interval.Lower), Number(interval.Upper))
                : null;
        }

        return written;
    }

    public static JsonNode? Number(double? value) =>
        value is { } v && double.IsFinite(v) ? JsonValue.Create(v) : null;
}
