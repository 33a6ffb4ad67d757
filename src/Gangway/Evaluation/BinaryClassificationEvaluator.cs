using Gangway.Data;

namespace Gangway.Evaluation;

/// <summary>
/// Evaluates a trained binary classifier on a scored table (true label, <c>probability</c> and <c>prediction</c> columns):
/// overall metrics, metrics per slice value and metrics of reference baselines, like scikit-learn's metrics module with
/// DummyClassifier for comparison. Immutable and safe to use from several threads at once.
/// </summary>
public sealed class BinaryClassificationEvaluator
{
    /// <summary>Creates an evaluator; the options are copied.</summary>
    /// <exception cref="GangwayException">A column name is empty, or slice columns or baseline names repeat.</exception>
    public BinaryClassificationEvaluator(BinaryClassificationEvaluatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = new BinaryClassificationEvaluatorOptions
        {
            LabelColumn = Named(options.LabelColumn, "label column"),
            PositiveClass = Named(options.PositiveClass, "positive class"),
            ProbabilityColumn = Named(options.ProbabilityColumn, "probability column"),
            PredictionColumn = Named(options.PredictionColumn, "prediction column"),
            SliceColumns = Distinct([.. options.SliceColumns], "slice column"),
            Baselines = [.. options.Baselines],
        };
        Distinct([.. Options.Baselines.Select(b => b.Name)], "baseline name");
    }

    /// <summary>The options in use (a copy of those given).</summary>
    public BinaryClassificationEvaluatorOptions Options { get; }

    /// <summary>Computes the report for a scored table.</summary>
    /// <exception cref="GangwayException">
    /// The table has no rows; a column is missing or of the wrong type; a label, prediction or probability is missing
    /// (the exception names the row); a probability is outside [0, 1]; there are more than two classes; or the positive
    /// class occurs in neither the labels nor the predictions.
    /// </exception>
    public BinaryClassificationReport Evaluate(Table scored)
    {
        ArgumentNullException.ThrowIfNull(scored);
        scored.RequireColumns(Options.SliceColumns);
        var rows = ScoredRows.Read(scored, Options);
        var all = Enumerable.Range(0, rows.Count).ToArray();
        var slices = Options.SliceColumns
            .SelectMany(column => SliceGroups.Of(scored[column])
                .Select(group => new SliceMetrics(column, group.Value, rows.Evaluate(group.Rows))))
            .ToArray();
        var baselines = Options.Baselines
            .Select(baseline => new BaselineMetrics(baseline.Name, rows.WithBaseline(baseline, scored).Evaluate(all)))
            .ToArray();
        return new BinaryClassificationReport(Options.LabelColumn, rows.Evaluate(all), slices, baselines);
    }

    private static string Named(string value, string what) => !string.IsNullOrWhiteSpace(value)
        ? value
        : throw new GangwayException(ErrorKind.InvalidConfiguration, $"The evaluation's {what} must not be empty.");

    private static string[] Distinct(string[] names, string what)
    {
        foreach (var name in names)
        {
            Named(name, what);
        }

        var repeated = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return repeated is null
            ? names
            : throw new GangwayException(ErrorKind.InvalidConfiguration, $"Each {what} of an evaluation must be unique; '{repeated.Key}' appears {repeated.Count()} times.");
    }
}
