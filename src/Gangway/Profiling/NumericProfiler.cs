using Gangway.Data;

namespace Gangway.Profiling;

/// <summary>The numeric half of <see cref="DataProfiler"/>.</summary>
internal static class NumericProfiler
{
    public static ColumnProfile Profile(NumericColumn column)
    {
        var present = new List<double>(column.Length);
        foreach (var value in column.Values)
        {
            if (!double.IsNaN(value))
            {
                present.Add(value);
            }
        }

        present.Sort();
        var sorted = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(present);
        var levels = Levels(sorted);
        var missing = column.Length - present.Count;
        IReadOnlyList<ValueFrequency>? frequencies = levels.Count <= DataProfiler.MaxNumericLevels
            ? [.. levels.Select(l => new ValueFrequency(Column.FormatNumber(l.Value), l.Count))]
            : null;
        return new ColumnProfile(
            column.Name,
            ColumnType.Numeric,
            column.Length,
            missing,
            DataProfiler.MissingRate(missing, column.Length),
            levels.Count,
            Summarise(sorted),
            frequencies,
            OtherCount: 0);
    }

    // Statistics over finite values only: an infinity would make the mean and spread meaningless and cannot be written as JSON.
    private static NumericSummary? Summarise(ReadOnlySpan<double> sorted)
    {
        var start = 0;
        while (start < sorted.Length && double.IsNegativeInfinity(sorted[start]))
        {
            start++;
        }

        var end = sorted.Length;
        while (end > start && double.IsPositiveInfinity(sorted[end - 1]))
        {
            end--;
        }

        var finite = sorted[start..end];
        if (finite.IsEmpty)
        {
            return null;
        }

        // A running mean cannot overflow the way a plain sum of large values can.
        var mean = 0.0;
        for (var i = 0; i < finite.Length; i++)
        {
            mean += (finite[i] - mean) / (i + 1);
        }

        double? deviation = null;
        if (finite.Length > 1)
        {
            var squares = 0.0;
            foreach (var value in finite)
            {
                squares += (value - mean) * (value - mean);
            }

            var sd = Math.Sqrt(squares / (finite.Length - 1));
            deviation = double.IsFinite(sd) ? sd : null;
        }

        var quantiles = new List<QuantileValue>(DataProfiler.QuantileProbabilities.Count);
        foreach (var p in DataProfiler.QuantileProbabilities)
        {
            quantiles.Add(new QuantileValue(p, Quantiles.Linear(finite, p)));
        }

        return new NumericSummary(finite[0], finite[^1], mean, deviation, quantiles);
    }

    private static List<(double Value, int Count)> Levels(ReadOnlySpan<double> sorted)
    {
        var levels = new List<(double Value, int Count)>();
        foreach (var value in sorted)
        {
            if (levels.Count > 0 && levels[^1].Value == value)
            {
                levels[^1] = (levels[^1].Value, levels[^1].Count + 1);
            }
            else
            {
                levels.Add((value, 1));
            }
        }

        return levels;
    }
}
