using System.Globalization;

namespace Gangway.Evaluation;

/// <summary>
/// Stratified percentile bootstrap of the scalar metrics of one or more score columns over the same rows, overall and per
/// group of rows. Every score column sees the same resamples (drawn by <see cref="StratifiedBootstrap"/> as counts per row),
/// so replicates of two models are paired. Resamples run in parallel; the result depends only on the seed.
/// </summary>
internal static class BootstrapIntervals
{
    /// <summary>
    /// The metric values of every resample: per score column, an array indexed
    /// <c>(resample × groupCount + group) × WeightedMetrics.Count + metric</c>; NaN where a metric is undefined.
    /// </summary>
    public static double[][] Replicates(
        bool[] actual,
        IReadOnlyList<(double[] Probability, bool[] Predicted)> scores,
        IReadOnlyList<int[]> groups,
        int groupCount,
        BootstrapOptions options)
    {
        // Rows no metric can tell apart are resampled once with their multiplicity (repeated records, coarse scores):
        // each resample then costs a draw per row but a metric pass per distinct row. Not worth it for mostly distinct rows.
        var distinct = DistinctRows.Of(actual, scores, groups);
        int[]? multiplicity = null;
        if (distinct.Count * 2 <= actual.Length)
        {
            (actual, multiplicity) = ([.. distinct.First.Select(i => actual[i])], distinct.Multiplicity);
            scores = [.. scores.Select(s => (distinct.First.Select(i => s.Probability[i]).ToArray(), distinct.First.Select(i => s.Predicted[i]).ToArray()))];
            groups = [.. groups.Select(g => distinct.First.Select(i => g[i]).ToArray())];
        }

        // Rows in the order of the first column's probabilities: its pass over each resample's counts is then sequential.
        // Permuting rows only relabels them; every column still sees the same resamples, so the pairing holds.
        var order = scores.Count == 0 ? Enumerable.Range(0, actual.Length).ToArray() : WeightedMetrics.SortedOrder(scores[0].Probability);
        bool[] sortedActual = [.. order.Select(i => actual[i])];
        int[][] sortedGroups = [.. groups.Select(g => order.Select(i => g[i]).ToArray())];
        var metrics = scores
            .Select(s => new WeightedMetrics(sortedActual, [.. order.Select(i => s.Probability[i])], [.. order.Select(i => s.Predicted[i])], sortedGroups, groupCount))
            .ToArray();
        var bootstrap = new StratifiedBootstrap(sortedActual, multiplicity is null ? null : [.. order.Select(i => multiplicity[i])], options.Seed);
        var block = groupCount * WeightedMetrics.Count;
        var replicates = scores.Select(_ => new double[options.Resamples * block]).ToArray();
        Parallel.For(
            0,
            options.Resamples,
            () => (Counts: new int[actual.Length], Scratch: new double[groupCount * WeightedMetrics.ScratchStride]),
            (resample, _, buffers) =>
            {
                bootstrap.Fill(resample, buffers.Counts);
                for (var column = 0; column < metrics.Length; column++)
                {
                    metrics[column].Compute(buffers.Counts, replicates[column].AsSpan(resample * block, block), buffers.Scratch);
                }

                return buffers;
            },
            _ => { });
        return replicates;
    }

    /// <summary>The percentile intervals of one group from <see cref="Replicates"/> of one score column.</summary>
    public static MetricIntervals Of(double[] replicates, int group, int groupCount, BootstrapOptions options) =>
        Percentiles((resample, metric) => replicates[((resample * groupCount) + group) * WeightedMetrics.Count + metric], options);

    /// <summary>
    /// The paired percentile intervals of <paramref name="second"/> minus <paramref name="first"/> over all rows (group 0),
    /// from <see cref="Replicates"/> of two score columns drawn in the same call: each resample's difference is taken on
    /// the same rows, so what both models get right or wrong together cancels out.
    /// </summary>
    public static MetricIntervals Differences(double[] first, double[] second, int groupCount, BootstrapOptions options) =>
        Percentiles(
            (resample, metric) =>
            {
                var at = resample * groupCount * WeightedMetrics.Count + metric;
                return second[at] - first[at];
            },
            options);

    private static MetricIntervals Percentiles(Func<int, int, double> replicate, BootstrapOptions options)
    {
        var intervals = new Dictionary<string, ConfidenceInterval>(StringComparer.Ordinal);
        var values = new List<double>(options.Resamples);
        for (var metric = 0; metric < WeightedMetrics.Count; metric++)
        {
            values.Clear();
            for (var resample = 0; resample < options.Resamples; resample++)
            {
                var value = replicate(resample, metric);
                if (!double.IsNaN(value))
                {
                    values.Add(value);
                }
            }

            // A metric undefined in most resamples (an AUC where one class is rare) would get an interval of a biased few.
            if (values.Count * 2 >= options.Resamples)
            {
                values.Sort();
                var alpha = (1 - options.Confidence) / 2;
                intervals[WeightedMetrics.Names[metric]] = new ConfidenceInterval(Quantile(values, alpha), Quantile(values, 1 - alpha));
            }
        }

        return new MetricIntervals(options.Confidence, intervals, null);
    }

    /// <summary>The intervals a group of too few rows gets: none, and a note saying so.</summary>
    public static MetricIntervals TooFewRows(int rows, BootstrapOptions options) => new(
        options.Confidence,
        new Dictionary<string, ConfidenceInterval>(),
        string.Create(CultureInfo.InvariantCulture, $"{rows} rows: too few for a confidence interval (at least {BootstrapOptions.MinimumRows})"));

    // numpy's default (linear) quantile of sorted values.
    private static double Quantile(List<double> sorted, double q)
    {
        var position = q * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
