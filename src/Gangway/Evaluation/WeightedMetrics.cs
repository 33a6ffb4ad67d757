namespace Gangway.Evaluation;

/// <summary>
/// The scalar metrics of one score column over fixed rows, for any counts per row (a bootstrap resample), overall and per
/// group of rows at once. The rows are sorted by probability once, here; each call then computes every metric, ROC AUC
/// included, in one pass in that order from weighted counts, without sorting again and without copying rows.
/// </summary>
internal sealed class WeightedMetrics
{
    /// <summary>The number of scalar metrics, in <see cref="Metrics.Scalars"/> order.</summary>
    public const int Count = 7;

    private const double Epsilon = 1e-15;

    private readonly int[] _order;
    private readonly bool[] _actual;
    private readonly bool[] _predicted;
    private readonly double[] _logLoss;
    private readonly double[] _brier;
    private readonly bool[] _endsTie;
    private readonly int[][] _groups;

    /// <param name="actual">The true class of each row.</param>
    /// <param name="probability">The probability of the positive class of each row.</param>
    /// <param name="predicted">The predicted class of each row.</param>
    /// <param name="groups">Per grouping (e.g. a slice column), the group index of each row in [1, groupCount), or -1 for none.</param>
    /// <param name="groupCount">The number of groups; group 0 is always all rows.</param>
    public WeightedMetrics(bool[] actual, double[] probability, bool[] predicted, IReadOnlyList<int[]> groups, int groupCount)
    {
        _order = [.. Enumerable.Range(0, actual.Length).OrderBy(i => probability[i])];
        _actual = [.. _order.Select(i => actual[i])];
        _predicted = [.. _order.Select(i => predicted[i])];
        _logLoss = [.. _order.Select(i => -Math.Log(actual[i] ? Math.Clamp(probability[i], Epsilon, 1 - Epsilon) : 1 - Math.Clamp(probability[i], Epsilon, 1 - Epsilon)))];
        _brier = [.. _order.Select(i => Math.Pow(probability[i] - (actual[i] ? 1 : 0), 2))];
        _endsTie = [.. _order.Select((row, k) => k == _order.Length - 1 || probability[_order[k + 1]] != probability[row])];
        _groups = [.. groups.Select(g => _order.Select(i => g[i]).ToArray())];
        GroupCount = groupCount;
    }

    /// <summary>The number of groups the metrics are computed for.</summary>
    public int GroupCount { get; }

    /// <summary>
    /// Writes the metrics of every group under <paramref name="counts"/> (in the original row order) into
    /// <paramref name="values"/>[group * <see cref="Count"/> + metric]; an undefined value (no rows, or one class for ROC
    /// AUC) is NaN. <paramref name="scratch"/> must hold <see cref="GroupCount"/> × 10 doubles and is overwritten.
    /// </summary>
    public void Compute(int[] counts, Span<double> values, double[] scratch)
    {
        // Per group: tp, fp, tn, fn, log loss, brier, AUC numerator, negatives below, tied negatives of the current score.
        const int Stride = 10;
        Array.Clear(scratch);
        var tieStart = 0;
        for (var k = 0; k < _order.Length; k++)
        {
            var w = counts[_order[k]];
            if (w != 0)
            {
                var slot = (_actual[k] ? 0 : 2) + (_actual[k] == _predicted[k] ? 0 : 1);
                for (var g = -1; g < _groups.Length; g++)
                {
                    var group = g < 0 ? 0 : _groups[g][k];
                    if (group < 0)
                    {
                        continue;
                    }

                    var s = group * Stride;
                    scratch[s + slot] += w;
                    scratch[s + 4] += w * _logLoss[k];
                    scratch[s + 5] += w * _brier[k];
                    if (!_actual[k])
                    {
                        scratch[s + 8] += w;
                    }
                }
            }

            if (_endsTie[k])
            {
                CloseTie(counts, scratch, tieStart, k);
                tieStart = k + 1;
            }
        }

        for (var group = 0; group < GroupCount; group++)
        {
            Finish(scratch.AsSpan(group * Stride, Stride), values.Slice(group * Count, Count));
        }
    }

    // Positives of a tied score beat the negatives below it and tie with the negatives of the same score (one half each).
    private void CloseTie(int[] counts, double[] scratch, int start, int end)
    {
        const int Stride = 10;
        for (var pass = 0; pass < 2; pass++)
        {
            for (var k = start; k <= end; k++)
            {
                var w = counts[_order[k]];
                if (w == 0 || (pass == 0) != _actual[k])
                {
                    continue;
                }

                for (var g = -1; g < _groups.Length; g++)
                {
                    var group = g < 0 ? 0 : _groups[g][k];
                    if (group < 0)
                    {
                        continue;
                    }

                    var s = group * Stride;
                    if (pass == 0)
                    {
                        scratch[s + 6] += w * (scratch[s + 7] + (scratch[s + 8] / 2));
                    }
                    else
                    {
                        scratch[s + 7] += scratch[s + 8];
                        scratch[s + 8] = 0;
                    }
                }
            }
        }
    }

    private static void Finish(ReadOnlySpan<double> a, Span<double> values)
    {
        var (tp, fn, tn, fp) = (a[0], a[1], a[2], a[3]);
        var rows = tp + fn + tn + fp;
        var precision = tp + fp == 0 ? 0 : tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : tp / (tp + fn);
        var negatives = tn + fp;
        values[0] = rows == 0 ? double.NaN : (tp + tn) / rows;
        values[1] = precision;
        values[2] = recall;
        values[3] = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        values[4] = tp + fn == 0 || negatives == 0 ? double.NaN : a[6] / ((tp + fn) * negatives);
        values[5] = rows == 0 ? double.NaN : a[4] / rows;
        values[6] = rows == 0 ? double.NaN : a[5] / rows;
    }
}
