using Gangway.Data;

namespace Gangway.Monitoring;

/// <summary>
/// The exact distributions of a table's columns: every value with weight 1. For small files and tests; a large file is
/// better streamed into a sketch. Distributions are computed once per column, on first use. Thread-safe.
/// </summary>
public sealed class ExactDistributions : IColumnDistributions
{
    private readonly Table _table;
    private readonly Dictionary<string, Lazy<NumericDistribution>> _numeric = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Lazy<CategoryDistribution>> _categories = new(StringComparer.Ordinal);

    private ExactDistributions(Table table)
    {
        _table = table;
        foreach (var column in table.Columns)
        {
            var current = column;
            if (current is NumericColumn numeric)
            {
                _numeric[current.Name] = new Lazy<NumericDistribution>(() => NumericDistribution.Of(numeric.Values));
            }

            _categories[current.Name] = new Lazy<CategoryDistribution>(() => CategoryDistribution.Of(Formatted(current)));
        }

        Columns = [.. table.ColumnNames];
    }

    /// <summary>The distributions of <paramref name="table"/>'s columns, or of only <paramref name="columns"/>.</summary>
    /// <exception cref="GangwayException">A listed column is not in the table (InvalidInput, listing the columns present).</exception>
    public static ExactDistributions Of(Table table, IReadOnlyList<string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new ExactDistributions(columns is null ? table : table.Select(columns));
    }

    /// <inheritdoc />
    public long RowCount => _table.RowCount;

    /// <inheritdoc />
    public IReadOnlyList<string> Columns { get; }

    /// <inheritdoc />
    public ColumnType ColumnTypeOf(string column) => Find(column).Type;

    /// <inheritdoc />
    public NumericDistribution Numeric(string column) => _numeric.TryGetValue(Find(column).Name, out var numeric)
        ? numeric.Value
        : throw new GangwayException(ErrorKind.InvalidInput, $"Column '{column}' holds text, not numbers; its distribution is categorical.");

    /// <inheritdoc />
    public CategoryDistribution Categories(string column) => _categories[Find(column).Name].Value;

    private Column Find(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return _table.TryGetColumn(column, out var found)
            ? found
            : throw new GangwayException(ErrorKind.NotFound, $"Could not find column '{column}'. Columns present: {NameList.Of(_table.ColumnNames)}.");
    }

    private static IEnumerable<string?> Formatted(Column column)
    {
        for (var row = 0; row < column.Length; row++)
        {
            yield return column.FormatValue(row);
        }
    }
}
