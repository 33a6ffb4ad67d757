using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gangway.Evaluation;

namespace Gangway.Comparison;

/// <summary>
/// Two models compared on the same labelled rows: every scalar metric of both, the differences with their paired bootstrap
/// intervals, and the paired tests.
/// </summary>
/// <param name="First">The label of the first model (A).</param>
/// <param name="Second">The label of the second model (B); differences are B - A.</param>
/// <param name="Target">The target column both models predict.</param>
/// <param name="Rows">The number of rows both were scored on.</param>
/// <param name="Confidence">The confidence level of the intervals and verdicts, e.g. 0.95.</param>
/// <param name="Metrics">Every scalar metric in report order (<see cref="Evaluation.Metrics.Scalars"/>).</param>
/// <param name="RocAuc">DeLong's test, or <see langword="null"/> when the rows hold fewer than two of either class.</param>
/// <param name="Accuracy">McNemar's test.</param>
public sealed record ComparisonReport(
    string First,
    string Second,
    string Target,
    int Rows,
    double Confidence,
    IReadOnlyList<MetricComparison> Metrics,
    DeLongResult? RocAuc,
    McNemarResult Accuracy)
{
    // Verdicts hold '+' and quotes, which the default encoder escapes as \u002B; this output is never embedded in HTML.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The number of paired bootstrap resamples behind each difference's interval; 0 when not bootstrapped.</summary>
    public int Resamples { get; init; }

    /// <summary>The seed of the bootstrap resamples, or <see langword="null"/> when not bootstrapped.</summary>
    public int? Seed { get; init; }

    /// <summary>The verdict of every judged metric (by its test, or by the paired bootstrap interval), in report order.</summary>
    public IReadOnlyList<string> Verdicts => [.. Metrics.Where(m => m.Verdict is not null).Select(m => m.Verdict!)];

    /// <summary>The report as snake_case JSON; numbers at full precision, anything undefined null.</summary>
    public string ToJson()
    {
        var metrics = new JsonObject();
        foreach (var metric in Metrics)
        {
            metrics[metric.Metric] = new JsonObject
            {
                ["a"] = MetricsJson.Number(metric.First),
                ["b"] = MetricsJson.Number(metric.Second),
                ["difference"] = MetricsJson.Number(metric.Difference),
                ["lower"] = metric.Interval?.Lower,
                ["upper"] = metric.Interval?.Upper,
                ["test"] = metric.Test,
                ["p_value"] = MetricsJson.Number(metric.PValue),
                ["test_interval"] = metric.TestInterval is { } tested ? new JsonArray(tested.Lower, tested.Upper) : null,
                ["better"] = metric.Outcome switch
                {
                    ComparisonOutcome.FirstBetter => "a",
                    ComparisonOutcome.SecondBetter => "b",
                    ComparisonOutcome.NoDetectableDifference => "neither",
                    _ => null,
                },
                ["verdict"] = metric.Verdict,
            };
        }

        var root = new JsonObject
        {
            ["a"] = First,
            ["b"] = Second,
            ["target"] = Target,
            ["rows"] = Rows,
            ["confidence"] = Confidence,
            ["bootstrap"] = Resamples == 0 ? null : new JsonObject { ["resamples"] = Resamples, ["seed"] = Seed, ["stratified"] = true, ["paired"] = true },
            ["metrics"] = metrics,
            ["delong"] = RocAuc is { } delong ? new JsonObject
            {
                ["auc_a"] = delong.First,
                ["auc_b"] = delong.Second,
                ["difference"] = delong.Difference,
                ["standard_error"] = delong.StandardError,
                ["interval"] = new JsonArray(delong.Lower, delong.Upper),
                ["z"] = MetricsJson.Number(delong.Z),
                ["p_value"] = delong.PValue,
            } : null,
            ["mcnemar"] = new JsonObject
            {
                ["only_a_correct"] = Accuracy.OnlyFirstCorrect,
                ["only_b_correct"] = Accuracy.OnlySecondCorrect,
                ["difference"] = Accuracy.Difference,
                ["standard_error"] = Accuracy.StandardError,
                ["interval"] = new JsonArray(Accuracy.Lower, Accuracy.Upper),
                ["exact"] = Accuracy.Exact,
                ["p_value"] = Accuracy.PValue,
            },
            ["verdicts"] = new JsonArray([.. Verdicts.Select(v => JsonValue.Create(v))]),
        };
        return root.ToJsonString(Indented);
    }
}
