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
            Bootstrap = options.Bootstrap?.Validated(),
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
        var groups = ParallelWork.Map(Options.SliceColumns, column => (Column: column, Groups: SliceGroups.Of(scored[column])));
        // Each slice, baseline and the whole are independent sorts and passes over the rows: one core each.
        var parts = ParallelWork.Map<Func<object>, object>(
        [
            () => rows.Evaluate(all),
            .. groups.SelectMany(slice => slice.Groups.Select(group => (Func<object>)(() => new SliceMetrics(slice.Column, group.Value, rows.Evaluate(group.Rows))))),
            .. Options.Baselines.Select(baseline => (Func<object>)(() => new BaselineMetrics(baseline.Name, rows.WithBaseline(baseline, scored).Evaluate(all)))),
        ], part => part());
        var metrics = (Metrics)parts[0];
        var slices = parts.OfType<SliceMetrics>().ToArray();
        var baselines = parts.OfType<BaselineMetrics>().ToArray();
        MetricIntervals? overall = null;
        if (Options.Bootstrap is { } bootstrap)
        {
            (overall, slices) = WithIntervals(rows, [.. groups.Select(g => g.Groups)], slices, bootstrap);
        }

        return new BinaryClassificationReport(Options.LabelColumn, metrics, slices, baselines, overall);
    }

    // One bootstrap for all rows and every slice at once: each resample's counts are shared, so slices cost one pass too.
    private static (MetricIntervals Overall, SliceMetrics[] Slices) WithIntervals(
        ScoredRows rows,
        IReadOnlyList<IReadOnlyList<(string Value, int[] Rows)>> groupings,
        SliceMetrics[] slices,
        BootstrapOptions bootstrap)
    {
        var groupCount = 1;
        var indexOfSlice = new int[slices.Length];
        var membership = new List<int[]>();
        var sliceIndex = 0;
        foreach (var grouping in groupings)
        {
            var groupOfRow = new int[rows.Count];
            foreach (var (_, members) in grouping)
            {
                var index = members.Length >= BootstrapOptions.MinimumRows ? groupCount++ : -1;
                indexOfSlice[sliceIndex++] = index;
                foreach (var row in members)
                {
                    groupOfRow[row] = index;
                }
            }

            membership.Add(groupOfRow);
        }

        var replicates = BootstrapIntervals.Replicates(rows.Actual, [(rows.Probability, rows.Predicted)], membership, groupCount, bootstrap)[0];
        var withIntervals = slices.Select((slice, i) => slice with
        {
            Intervals = indexOfSlice[i] < 0
                ? BootstrapIntervals.TooFewRows(slice.Metrics.Rows, bootstrap)
                : BootstrapIntervals.Of(replicates, indexOfSlice[i], groupCount, bootstrap),
        });
        return (BootstrapIntervals.Of(replicates, 0, groupCount, bootstrap), [.. withIntervals]);
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
