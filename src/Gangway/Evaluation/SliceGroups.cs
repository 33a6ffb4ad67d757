using Gangway.Data;

namespace Gangway.Evaluation;

/// <summary>Groups the rows of a slice column by value: numbers in numeric order, text ordinally, missing values last.</summary>
internal static class SliceGroups
{
    public static IReadOnlyList<(string Value, int[] Rows)> Of(Column column)
    {
        var values = FormattedValues.Of(column);
        var groups = Enumerable.Range(0, column.Length)
            .GroupBy(row => values[row], StringComparer.Ordinal)
            .ToList();
        var present = groups.Where(g => g.Key is not null);
        var ordered = column is NumericColumn numeric
            ? present.OrderBy(g => numeric[g.First()])
            : present.OrderBy(g => g.Key, StringComparer.Ordinal);
        return
        [
            .. ordered.Select(g => (g.Key!, g.ToArray())),
            .. groups.Where(g => g.Key is null).Select(g => (SliceMetrics.MissingValue, g.ToArray())),
        ];
    }
}
