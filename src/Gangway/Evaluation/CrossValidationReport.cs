using System.Text.Json.Nodes;
using MathNet.Numerics.Distributions;

namespace Gangway.Evaluation;

/// <summary>
/// The immutable result of a (repeated) stratified k-fold cross-validation: the metrics of each fold and, per metric,
/// the mean and standard deviation over all the fold scores, like scikit-learn's cross_validate summarised, plus a
/// confidence interval for the mean.
/// </summary>
/// <remarks>
/// The interval is a t-interval with the variance of Nadeau and Bengio's corrected resampled t-test (2003):
/// <c>(1/J + n_test/n_train) · s²</c>, where <c>J</c> is the number of fold scores, <c>s²</c> their sample variance and
/// <c>n_test/n_train = 1/(k−1)</c> for k folds, with <c>J − 1</c> degrees of freedom. The naive <c>s²/J</c> would
/// treat the fold scores as independent; they are not (the training sets overlap, and repeats reuse the rows), so it
/// gives intervals that are far too narrow, the more so the more repeats.
/// </remarks>
public sealed class CrossValidationReport
{
    /// <summary>The name of the interval method, as written in the JSON.</summary>
    public const string IntervalMethod = "nadeau_bengio_corrected_t";

    /// <summary>Aggregates the metrics of each fold, repeat by repeat, fold by fold.</summary>
    /// <param name="folds">The metrics of every fold: <paramref name="repeats"/> runs of k folds each.</param>
    /// <param name="repeats">How many times the data was split into k folds (default 1).</param>
    /// <param name="confidence">The confidence level of the intervals (default 0.95).</param>
    /// <exception cref="GangwayException">
    /// No fold is given, <paramref name="repeats"/> is below 1 or does not divide the number of folds, or
    /// <paramref name="confidence"/> is not strictly between 0 and 1 (InvalidInput).
    /// </exception>
    public CrossValidationReport(IEnumerable<Metrics> folds, int repeats = 1, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(folds);
        Folds = [.. folds];
        if (Folds.Count == 0)
        {
            throw new GangwayException(ErrorKind.InvalidInput, "A cross-validation report needs the metrics of at least one fold; got none.");
        }

        if (repeats < 1 || Folds.Count % repeats != 0)
        {
            throw new GangwayException(ErrorKind.InvalidInput, $"A cross-validation report's repeats must be at least 1 and divide the {Folds.Count} folds; got {repeats}.");
        }

        if (!(confidence is > 0 and < 1))
        {
            throw new GangwayException(ErrorKind.InvalidInput, $"Confidence must be between 0 and 1 (exclusive); got {confidence}.");
        }

        Repeats = repeats;
        Confidence = confidence;
        Summaries = [.. Metrics.Scalars.Select(metric => Summarise(metric.Name, [.. Folds.Select(metric.Value).OfType<double>()]))];
    }

    /// <summary>The metrics of each fold: repeat 1's folds in order, then repeat 2's, and so on.</summary>
    public IReadOnlyList<Metrics> Folds { get; }

    /// <summary>How many times the data was split into <see cref="FoldsPerRepeat"/> folds.</summary>
    public int Repeats { get; }

    /// <summary>The k of k-fold: <see cref="Folds"/> holds <see cref="Repeats"/> × k fold scores.</summary>
    public int FoldsPerRepeat => Folds.Count / Repeats;

    /// <summary>The confidence level of every <see cref="MetricSummary.Interval"/>.</summary>
    public double Confidence { get; }

    /// <summary>Mean, standard deviation and interval of accuracy, precision, recall, f1, roc_auc, log_loss and brier, in that order.</summary>
    public IReadOnlyList<MetricSummary> Summaries { get; }

    /// <summary>The summary of one metric by its JSON name.</summary>
    /// <exception cref="GangwayException">No metric has that name; the message lists the names.</exception>
    public MetricSummary Summary(string name) =>
        Summaries.FirstOrDefault(s => s.Name == name) ?? throw new GangwayException(
            ErrorKind.NotFound,
            $"Could not find metric '{name}'. Metrics present: {string.Join(", ", Summaries.Select(s => s.Name))}.");

    /// <summary>
    /// The report as indented JSON: <c>folds</c> (k, per repeat), <c>repeats</c>, <c>confidence</c>,
    /// <c>interval_method</c> (<see cref="IntervalMethod"/>), <c>summary</c> (metric → <c>mean</c>, <c>std</c>, <c>count</c>, <c>std_error</c>,
    /// <c>interval</c> <c>[lower, upper]</c>) and <c>per_fold</c> (an array of metrics objects as in
    /// <see cref="BinaryClassificationReport.ToJson"/>, each with its <c>repeat</c> and <c>fold</c>).
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
                ["std_error"] = MetricsJson.Number(metric.StandardError),
                ["interval"] = metric.Interval is { } interval ? new JsonArray(MetricsJson.Number(interval.Lower), MetricsJson.Number(interval.Upper)) : null,
            };
        }

        var perFold = new JsonArray();
        for (var i = 0; i < Folds.Count; i++)
        {
            var fold = MetricsJson.Write(Folds[i]);
            fold["repeat"] = (i / FoldsPerRepeat) + 1;
            fold["fold"] = (i % FoldsPerRepeat) + 1;
            perFold.Add(fold);
        }

        var root = new JsonObject
        {
            ["folds"] = FoldsPerRepeat,
            ["repeats"] = Repeats,
            ["confidence"] = Confidence,
            ["interval_method"] = IntervalMethod,
            ["summary"] = summary,
            ["per_fold"] = perFold,
        };
        return root.ToJsonString(MetricsJson.Indented);
    }

    private MetricSummary Summarise(string name, double[] values)
    {
        if (values.Length == 0)
        {
            return new MetricSummary(name, null, null, 0);
        }

        var mean = values.Average();
        var squares = values.Sum(v => (v - mean) * (v - mean));
        if (values.Length < 2 || FoldsPerRepeat < 2)
        {
            return new MetricSummary(name, mean, Math.Sqrt(squares / values.Length), values.Length);
        }

        var sampleVariance = squares / (values.Length - 1);
        var standardError = Math.Sqrt(((1.0 / values.Length) + (1.0 / (FoldsPerRepeat - 1))) * sampleVariance);
        var half = StudentT.InvCDF(0, 1, values.Length - 1, (1 + Confidence) / 2) * standardError;
        return new MetricSummary(name, mean, Math.Sqrt(squares / values.Length), values.Length, standardError, new ConfidenceInterval(mean - half, mean + half));
    }
}
