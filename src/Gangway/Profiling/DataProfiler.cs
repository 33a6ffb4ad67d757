using Gangway.Data;

namespace Gangway.Profiling;

/// <summary>
/// Summarises a table column by column: missing values, ranges, quantiles and category frequencies. The result is
/// stored with a model (<c>profile.json</c>) and is the baseline that drift monitoring compares live data against.
/// Like pandas' <c>DataFrame.describe(include="all")</c> plus <c>value_counts()</c>. Deterministic: the same table gives
/// an equal profile and byte-identical JSON. Thread-safe (stateless).
/// </summary>
public static class DataProfiler
{
    /// <summary>
    /// The probabilities at which numeric quantiles are taken: 0.01, 0.05, 0.25, 0.5, 0.75, 0.95 and 0.99. Quantiles use
    /// linear interpolation between closest ranks, numpy's default: sort the n present values x, let h = (n − 1)·p, then the
    /// quantile is x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]).
    /// </summary>
    public static IReadOnlyList<double> QuantileProbabilities { get; } = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];

    /// <summary>A numeric column with at most this many distinct values also gets <see cref="ColumnProfile.Frequencies"/>.</summary>
    public const int MaxNumericLevels = 20;

    /// <summary>A text column's <see cref="ColumnProfile.Frequencies"/> keep this many most frequent values; the rest are counted as other.</summary>
    public const int MaxCategories = 50;

    /// <summary>Profiles the given columns (default: all, in table order).</summary>
    /// <param name="data">The table to profile; it may have no rows.</param>
    /// <param name="columns">The columns to profile, in the order wanted; <see langword="null"/> for every column.</param>
    /// <exception cref="GangwayException">A named column is missing (the message lists the columns present).</exception>
    public static DataProfile Profile(Table data, IReadOnlyList<string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var selected = columns is null ? data.Columns : [.. columns.Select(name => data[name])];
        return new DataProfile(data.RowCount, [.. selected.Select(ProfileColumn)], []);
    }

    /// <summary>
    /// The median of <paramref name="valueColumn"/> within each group of <paramref name="groupColumn"/>, e.g. the typical
    /// price per product tier (used for counterfactual scoring). Rows where the group or the value is missing
    /// are skipped, so a group whose values are all missing does not appear. The median is the 0.5 quantile with the
    /// interpolation described at <see cref="QuantileProbabilities"/>.
    /// </summary>
    /// <param name="data">The table.</param>
    /// <param name="groupColumn">A text or numeric column; numeric group values are keyed by <see cref="Column.FormatNumber"/>.</param>
    /// <param name="valueColumn">A numeric column.</param>
    /// <returns>The median per group value, sorted ordinally by key.</returns>
    /// <exception cref="GangwayException">A column is missing, or <paramref name="valueColumn"/> is not numeric.</exception>
    public static IReadOnlyDictionary<string, double> GroupMedians(Table data, string groupColumn, string valueColumn)
    {
        ArgumentNullException.ThrowIfNull(data);
        var groups = data[groupColumn];
        var values = data.GetNumeric(valueColumn);
        var byGroup = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        for (var row = 0; row < data.RowCount; row++)
        {
            var key = groups.FormatValue(row);
            var value = values[row];
            if (key is null || double.IsNaN(value))
            {
                continue;
            }

            if (!byGroup.TryGetValue(key, out var list))
            {
                byGroup[key] = list = [];
            }

            list.Add(value);
        }

        var medians = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, list) in byGroup)
        {
            list.Sort();
            medians[key] = Quantiles.Linear(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list), 0.5);
        }

        return medians;
    }

    private static ColumnProfile ProfileColumn(Column column) => column switch
    {
        NumericColumn numeric => NumericProfiler.Profile(numeric),
        TextColumn text => TextProfile(text),
        _ => throw new ArgumentException($"Column '{column.Name}' has an unsupported type {column.Type}.", nameof(column)),
    };

    private static ColumnProfile TextProfile(TextColumn column)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var missing = 0;
        foreach (var value in column.Values)
        {
            if (value is null)
            {
                missing++;
                continue;
            }

            counts[value] = counts.GetValueOrDefault(value) + 1;
        }

        var top = counts
            .OrderByDescending(c => c.Value)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(MaxCategories)
            .Select(c => new ValueFrequency(c.Key, c.Value))
            .ToList();
        var present = column.Length - missing;
        return new ColumnProfile(
            column.Name,
            ColumnType.Text,
            column.Length,
            missing,
            MissingRate(missing, column.Length),
            counts.Count,
            Numeric: null,
            top,
            present - top.Sum(f => f.Count));
    }

    internal static double MissingRate(int missing, int rows) => rows == 0 ? 0 : (double)missing / rows;
}
