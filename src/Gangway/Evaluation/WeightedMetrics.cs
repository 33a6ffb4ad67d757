namespace Gangway.Evaluation;

/// <summary>
/// The scalar metrics of one score column over fixed rows, for any counts per row (a bootstrap resample), overall and per
/// group of rows at once. The rows are sorted by probability once, here; each call then computes every metric, ROC AUC
/// included, in one pass in that order from weighted counts, without sorting again and without copying rows.
/// </summary>
internal sealed class WeightedMetrics
{
    /// <summary>The number of metrics: <see cref="Metrics.Scalars"/>, in order, then the expected calibration error.</summary>
    public const int Count = 8;

    /// <summary>The doubles of scratch space <see cref="Compute"/> needs per group.</summary>
    public const int ScratchStride = 10 + CalibrationTable.BinCount;

    /// <summary>The report names of the metrics, in the order <see cref="Compute"/> writes them.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Metrics.Scalars.Select(s => s.Name), "expected_calibration_error"];

    private const double Epsilon = 1e-15;

    private readonly int[] _order;
    private readonly bool[] _actual;
    private readonly bool[] _predicted;
    private readonly double[] _logLoss;
    private readonly double[] _brier;
    private readonly bool[] _endsTie;
    private readonly byte[] _slot;
    private readonly double[] _positive;
    private readonly byte[] _bin;
    private readonly double[] _residual;
    private readonly bool[] _endsBin;
    private readonly int[][] _groups;

    /// <param name="actual">The true class of each row.</param>
    /// <param name="probability">The probability of the positive class of each row.</param>
    /// <param name="predicted">The predicted class of each row.</param>
    /// <param name="groups">Per grouping (e.g. a slice column), the group index of each row in [1, groupCount), or -1 for none.</param>
    /// <param name="groupCount">The number of groups; group 0 is always all rows.</param>
    public WeightedMetrics(bool[] actual, double[] probability, bool[] predicted, IReadOnlyList<int[]> groups, int groupCount)
    {
        _order = SortedOrder(probability);
        _actual = [.. _order.Select(i => actual[i])];
        _predicted = [.. _order.Select(i => predicted[i])];
        _logLoss = [.. _order.Select(i => -Math.Log(actual[i] ? Math.Clamp(probability[i], Epsilon, 1 - Epsilon) : 1 - Math.Clamp(probability[i], Epsilon, 1 - Epsilon)))];
        _brier = [.. _order.Select(i => Math.Pow(probability[i] - (actual[i] ? 1 : 0), 2))];
        _endsTie = [.. _order.Select((row, k) => k == _order.Length - 1 || probability[_order[k + 1]] != probability[row])];
        _slot = [.. _order.Select(i => (byte)((actual[i] ? 0 : 2) + (actual[i] == predicted[i] ? 0 : 1)))];
        _positive = [.. _order.Select(i => actual[i] ? 1.0 : 0.0)];
        _bin = [.. _order.Select(i => (byte)CalibrationTable.BinOf(probability[i]))];
        _residual = [.. _order.Select(i => probability[i] - (actual[i] ? 1 : 0))];
        _endsBin = [.. _bin.Select((bin, k) => k == _bin.Length - 1 || _bin[k + 1] != bin)];
        _groups = [.. groups.Select(g => _order.Select(i => g[i]).ToArray())];
        GroupCount = groupCount;
    }

    /// <summary>The row indices in increasing order of probability (ties in no particular but a deterministic order).</summary>
    public static int[] SortedOrder(double[] probability)
    {
        var order = Enumerable.Range(0, probability.Length).ToArray();
        Array.Sort((double[])probability.Clone(), order);
        return order;
    }

    /// <summary>The number of groups the metrics are computed for.</summary>
    public int GroupCount { get; }

    /// <summary>
    /// Writes the metrics of every group under <paramref name="counts"/> (in the original row order) into
    /// <paramref name="values"/>[group * <see cref="Count"/> + metric]; an undefined value (no rows, or one class for ROC
    /// AUC) is NaN. <paramref name="scratch"/> must hold <see cref="GroupCount"/> × <see cref="ScratchStride"/> doubles and is overwritten.
    /// </summary>
    public void Compute(int[] counts, Span<double> values, double[] scratch)
    {
        // Per group: tp, fn, tn, fp, log loss, brier, AUC numerator, negatives below, tied negatives of the current score,
        // unused, then per calibration bin the sum of probability minus outcome (its absolute value is the bin's ECE term;
        // all rows keep only the total of those absolute values, in the first).
        const int Stride = ScratchStride;
        Array.Clear(scratch);
        // All rows (group 0) are summed in locals, which keeps the hot loop out of memory; slices go through scratch.
        Span<double> confusion = stackalloc double[4];
        // Rows are in probability order, so each calibration bin is one run of rows: its gap is summed in a register.
        double binResidual = 0, calibrationGap = 0;
        double logLoss = 0, brier = 0, aucNumerator = 0, negativesBelow = 0, tiedNegatives = 0;
        var tieStart = 0;
        for (var k = 0; k < _order.Length; k++)
        {
            // Branch-free on the class: with classes mixed along the scores, a branch per row mispredicts half the time.
            var w = counts[_order[k]];
            var single = tieStart == k && _endsTie[k];
            var slot = _slot[k];
            var positive = _positive[k];
            confusion[slot] += w;
            logLoss += w * _logLoss[k];
            brier += w * _brier[k];
            binResidual += w * _residual[k];
            if (_endsBin[k])
            {
                calibrationGap += Math.Abs(binResidual);
                binResidual = 0;
            }

            if (single)
            {
                // A score held by one row: its positives beat exactly the negatives below it.
                aucNumerator += w * positive * negativesBelow;
                negativesBelow += w * (1 - positive);
            }
            else
            {
                tiedNegatives += w * (1 - positive);
            }

            if (_groups.Length > 0)
            {
                AddToGroups(k, w, slot, single, scratch);
            }

            if (_endsTie[k])
            {
                if (!single)
                {
                    CloseTie(counts, scratch, tieStart, k, ref aucNumerator, ref negativesBelow, ref tiedNegatives);
                }

                tieStart = k + 1;
            }
        }

        (scratch[0], scratch[1], scratch[2], scratch[3]) = (confusion[0], confusion[1], confusion[2], confusion[3]);
        (scratch[4], scratch[5], scratch[6]) = (logLoss, brier, aucNumerator);
        scratch[10] = calibrationGap;
        for (var group = 0; group < GroupCount; group++)
        {
            Finish(scratch.AsSpan(group * Stride, Stride), values.Slice(group * Count, Count));
        }
    }

    // Branch-free on the class and the count, like the all-rows sums: a zero count adds zeros.
    private void AddToGroups(int k, int w, int slot, bool single, double[] scratch)
    {
        const int Stride = ScratchStride;
        var negative = w * (1 - _positive[k]);
        var positive = w * _positive[k];
        var (logLoss, brier, residual, bin) = (w * _logLoss[k], w * _brier[k], w * _residual[k], 10 + _bin[k]);
        foreach (var grouping in _groups)
        {
            var s = grouping[k] * Stride;
            if (s <= 0)
            {
                continue;
            }

            scratch[s + slot] += w;
            scratch[s + 4] += logLoss;
            scratch[s + 5] += brier;
            scratch[s + bin] += residual;
            if (single)
            {
                scratch[s + 6] += positive * scratch[s + 7];
                scratch[s + 7] += negative;
            }
            else
            {
                scratch[s + 8] += negative;
            }
        }
    }

    // Positives of a tied score beat the negatives below it and tie with the negatives of the same score (one half each).
    private void CloseTie(int[] counts, double[] scratch, int start, int end, ref double aucNumerator, ref double negativesBelow, ref double tiedNegatives)
    {
        const int Stride = ScratchStride;
        for (var k = start; k <= end; k++)
        {
            var w = counts[_order[k]];
            if (w == 0 || !_actual[k])
            {
                continue;
            }

            aucNumerator += w * (negativesBelow + (tiedNegatives / 2));
            foreach (var grouping in _groups)
            {
                var s = grouping[k] * Stride;
                if (s > 0)
                {
                    scratch[s + 6] += w * (scratch[s + 7] + (scratch[s + 8] / 2));
                }
            }
        }

        negativesBelow += tiedNegatives;
        tiedNegatives = 0;
        for (var k = start; k <= end; k++)
        {
            foreach (var grouping in _groups)
            {
                var s = grouping[k] * Stride;
                if (s > 0)
                {
                    scratch[s + 7] += scratch[s + 8];
                    scratch[s + 8] = 0;
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
        double calibrationGap = 0;
        foreach (var binResidual in a.Slice(10, CalibrationTable.BinCount))
        {
            calibrationGap += Math.Abs(binResidual);
        }

        values[7] = rows == 0 ? double.NaN : calibrationGap / rows;
    }
}
