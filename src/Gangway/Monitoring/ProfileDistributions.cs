using System.Globalization;
using Gangway.Data;
using Gangway.Profiling;

namespace Gangway.Monitoring;

/// <summary>
/// Distributions approximated from a <see cref="DataProfile"/>, for bundles written before the training reference was
/// stored; <see cref="MonitoringReference.Of"/> documents the approximation.
/// </summary>
internal sealed class ProfileDistributions(DataProfile profile, IReadOnlyList<string> columns) : IColumnDistributions
{
    public long RowCount => profile.RowCount;

    public IReadOnlyList<string> Columns => columns;

    public ColumnType ColumnTypeOf(string column) => Find(column).Type;

    public NumericDistribution Numeric(string column)
    {
        var profiled = Find(column);
        if (profiled.Type != ColumnType.Numeric)
        {
            throw new GangwayException(ErrorKind.InvalidInput, $"Column '{column}' is text, so it has no numeric distribution; read it with Categories.");
        }

        if (profiled.Frequencies is { } levels)
        {
            var ordered = levels.Select(f => (Value: double.Parse(f.Value, CultureInfo.InvariantCulture), f.Count)).OrderBy(f => f.Value).ToList();
            return new NumericDistribution([.. ordered.Select(f => f.Value)], [.. ordered.Select(f => (double)f.Count)], profiled.MissingCount);
        }

        var present = profiled.RowCount - profiled.MissingCount;
        if (profiled.Numeric is not { } summary || present <= 0)
        {
            return new NumericDistribution([], [], profiled.MissingCount);
        }

        var points = summary.Quantiles.Select(q => (q.Probability, q.Value))
            .Prepend((0.0, summary.Min))
            .Append((1.0, summary.Max))
            .ToList();
        var weights = new double[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            var below = points[Math.Max(i - 1, 0)].Item1;
            var above = points[Math.Min(i + 1, points.Count - 1)].Item1;
            weights[i] = (above - below) / 2 * present;
        }

        return new NumericDistribution([.. points.Select(p => p.Item2)], weights, profiled.MissingCount);
    }

    public CategoryDistribution Categories(string column)
    {
        var profiled = Find(column);
        if (profiled.Frequencies is { } frequencies)
        {
            return new CategoryDistribution(
                frequencies.ToDictionary(f => f.Value, f => (double)f.Count, StringComparer.Ordinal),
                profiled.OtherCount,
                profiled.MissingCount);
        }

        return NumericCategories.Of(Numeric(column));
    }

    private ColumnProfile Find(string column) =>
        columns.Contains(column, StringComparer.Ordinal)
            ? profile[column]
            : throw new GangwayException(ErrorKind.NotFound, $"The training profile has no column '{column}'. Columns profiled: {NameList.Of(columns)}.");
}
