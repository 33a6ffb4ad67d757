using System.Text.Json.Nodes;

namespace Gangway.Evaluation;

/// <summary>
/// The immutable result of a k-fold cross-validation: the metrics of each fold and, per metric, the mean and standard
/// deviation over the folds, like the output of scikit-learn's cross_validate summarised.
/// </summary>
public sealed class CrossValidationReport
{
    /// <summary>Aggregates the metrics of each fold, in fold order.</summary>
    /// <exception cref="GangwayException">No fold is given.</exception>
    public CrossValidationReport(IEnumerable<Metrics> folds)
    {
        ArgumentNullException.ThrowIfNull(folds);
        Folds = [.. folds];
        if (Folds.Count == 0)
        {
            throw new GangwayException(ErrorKind.InvalidInput, "A cross-validation report needs the metrics of at least one fold; got none.");
        }

        Summaries = [.. Metrics.Scalars.Select(metric => Summarise(metric.Name, [.. Folds.Select(metric.Value).OfType<double>()]))];
    }

    /// <summary>The metrics of each fold, in fold order.</summary>
    public IReadOnlyList<Metrics> Folds { get; }

    /// <summary>Mean and standard deviation of accuracy, precision, recall, f1, roc_auc, log_loss and brier, in that order.</summary>
    public IReadOnlyList<MetricSummary> Summaries { get; }

    /// <summary>The summary of one metric by its JSON name.</summary>
    /// <exception cref="GangwayException">No metric has that name; the message lists the names.</exception>
    public MetricSummary Summary(string name) =>
        Summaries.FirstOrDefault(s => s.Name == name) ?? throw new GangwayException(
            ErrorKind.NotFound,
            $"Could not find metric '{name}'. Metrics present: {string.Join(", ", Summaries.Select(s => s.Name))}.");

    /// <summary>
    /// The report as indented JSON: <c>folds</c> (the count), <c>summary</c> (metric → <c>mean</c>, <c>std</c>,
    /// <c>count</c>) and <c>per_fold</c> (an array of metrics objects as in <see cref="BinaryClassificationReport.ToJson"/>).
    /// Undefined values are <c>null</c>, never NaN.
    /// </summary>
    public string ToJson()
    {
        var summary = new JsonObject();
        foreach (var metric in Summaries)
        {
            summary[metric.Name] = new JsonObject
            {
                ["mean"] = MetricsJson.Number(metric.Mean),
                ["std"] = MetricsJson.Number(metric.StandardDeviation),
                ["count"] = metric.Count,
            };
        }

        var root = new JsonObject
        {
            ["folds"] = Folds.Count,
            ["summary"] = summary,
            ["per_fold"] = new JsonArray([.. Folds.Select(MetricsJson.Write)]),
        };
        return root.ToJsonString(MetricsJson.Indented);
    }

    private static MetricSummary Summarise(string name, double[] values)
    {
        if (values.Length == 0)
        {
            return new MetricSummary(name, null, null, 0);
        }

        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / values.Length;
        return new MetricSummary(name, mean, Math.Sqrt(variance), values.Length);
    }
}
