using Gangway.Data;

namespace Gangway.Monitoring;

/// <summary>
/// Mergeable sketches of a table's columns, by name and type: a numeric column has a <see cref="KllSketch"/> and, while it
/// has at most <see cref="NumericCategoryLimit"/> distinct values, their exact counts (so a class such as Pclass can also
/// be read as categories); a text column has a <see cref="CategorySketch"/>. The size is bounded whatever the number of
/// rows, and two sketches of the same columns merge into the sketch of both (replicas, time windows, chunks of a file).
/// The model bundle's training reference is one of these. Not thread-safe: use one per thread and merge, or lock.
/// </summary>
public sealed partial class TableSketch : IColumnDistributions
{
    /// <summary>The most distinct values a numeric column may have and still be counted exactly as categories.</summary>
    public const int NumericCategoryLimit = 64;

    // Below this many values a table is sketched on the calling thread; above, one column per worker.
    private const long ParallelThreshold = 200_000;

    private readonly ColumnSketch[] _columns;
    private readonly Dictionary<string, int> _indexes;

    /// <summary>An empty sketch of the given columns.</summary>
    /// <param name="columns">The columns' names and types, in order; names must be distinct.</param>
    /// <param name="k">The accuracy of the numeric columns' quantile sketches (see <see cref="KllSketch"/>).</param>
    /// <param name="categoryCapacity">How many categories each text column counts (see <see cref="CategorySketch"/>).</param>
    /// <exception cref="GangwayException">A name is repeated or empty, or k or the capacity is out of range (<see cref="ErrorKind.InvalidInput"/>).</exception>
    public TableSketch(IEnumerable<(string Name, ColumnType Type)> columns, int k = KllSketch.DefaultK, int categoryCapacity = CategorySketch.DefaultCapacity)
        : this(Create(columns, k, categoryCapacity), k, categoryCapacity)
    {
    }

    private TableSketch(ColumnSketch[] columns, int k, int categoryCapacity)
    {
        _columns = columns;
        _indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Length; i++)
        {
            if (string.IsNullOrEmpty(columns[i].Name) || !_indexes.TryAdd(columns[i].Name, i))
            {
                throw new GangwayException(ErrorKind.InvalidInput, $"A table sketch's column names must be distinct and not empty; '{columns[i].Name}' is not.");
            }
        }

        Columns = [.. columns.Select(c => c.Name)];
        K = k;
        CategoryCapacity = categoryCapacity;
    }

    /// <summary>A sketch of every column of <paramref name="table"/>, with its rows added.</summary>
    public static TableSketch Of(Table table, int k = KllSketch.DefaultK, int categoryCapacity = CategorySketch.DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(table);
        var sketch = new TableSketch(table.Columns.Select(c => (c.Name, c.Type)), k, categoryCapacity);
        sketch.Add(table);
        return sketch;
    }

    /// <summary>How many rows were added.</summary>
    public long RowCount { get; private set; }

    /// <summary>The sketched columns, in order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The accuracy parameter of the numeric columns' quantile sketches.</summary>
    public int K { get; }

    /// <summary>How many categories each text column counts.</summary>
    public int CategoryCapacity { get; }

    /// <summary>
    /// Adds every row of <paramref name="table"/>, column by column. Columns the sketch does not have are ignored; a
    /// sketched column the table lacks counts every row as missing.
    /// </summary>
    /// <exception cref="GangwayException">A column has another type than sketched (<see cref="ErrorKind.InvalidInput"/>); nothing is added then.</exception>
    public void Add(Table table)
    {
        var present = Match(table);
        if ((long)table.RowCount * _columns.Length >= ParallelThreshold)
        {
            Parallel.For(0, _columns.Length, i => AddColumn(i, present[i], table.RowCount));
        }
        else
        {
            for (var i = 0; i < _columns.Length; i++)
            {
                AddColumn(i, present[i], table.RowCount);
            }
        }

        RowCount += table.RowCount;
    }

    /// <summary>Adds row <paramref name="row"/> of <paramref name="table"/> (one request, one logged record).</summary>
    /// <exception cref="GangwayException">A column has another type than sketched (<see cref="ErrorKind.InvalidInput"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is not a row of the table.</exception>
    public void Add(Table table, int row)
    {
        var present = Match(table);
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, table.RowCount);
        for (var i = 0; i < _columns.Length; i++)
        {
            if (present[i] is { } column)
            {
                _columns[i].Add(column, row);
            }
            else
            {
                _columns[i].AddMissing(1);
            }
        }

        RowCount++;
    }

    /// <summary>Adds everything <paramref name="other"/> saw; <paramref name="other"/> is not changed.</summary>
    /// <exception cref="GangwayException">The sketches' columns differ in names, order or types (<see cref="ErrorKind.InvalidInput"/>, naming the first difference).</exception>
    public void Merge(TableSketch other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this))
        {
            other = Clone();
        }

        if (!Columns.SequenceEqual(other.Columns, StringComparer.Ordinal))
        {
            throw new GangwayException(
                ErrorKind.InvalidInput,
                $"Cannot merge table sketches of different columns: this one has {NameList.Of(Columns)}; the other has {NameList.Of(other.Columns)}.");
        }

        var mismatch = _columns.Zip(other._columns).FirstOrDefault(p => p.First.Type != p.Second.Type);
        if (mismatch.First is not null)
        {
            throw new GangwayException(
                ErrorKind.InvalidInput,
                $"Cannot merge table sketches: column '{mismatch.First.Name}' is {Describe(mismatch.First.Type)} in this one and {Describe(mismatch.Second.Type)} in the other.");
        }

        for (var i = 0; i < _columns.Length; i++)
        {
            _columns[i].Merge(other._columns[i]);
        }

        RowCount += other.RowCount;
    }

    /// <summary>An independent copy.</summary>
    public TableSketch Clone() => new([.. _columns.Select(c => c.Clone())], K, CategoryCapacity) { RowCount = RowCount };

    /// <inheritdoc/>
    public ColumnType ColumnTypeOf(string column) => Find(column).Type;

    /// <summary>The quantile sketch's kept values of a numeric column, with their weights and the missing count.</summary>
    /// <exception cref="GangwayException">There is no such column (<see cref="ErrorKind.NotFound"/>), or it is text (<see cref="ErrorKind.InvalidInput"/>).</exception>
    public NumericDistribution Numeric(string column)
    {
        var sketch = Find(column);
        return sketch.Quantiles?.ToDistribution()
            ?? throw new GangwayException(ErrorKind.InvalidInput, $"Column '{column}' is text, so it has no numeric distribution; read it with Categories.");
    }

    /// <summary>
    /// A column as categories: a text column's frequent items (the rest as other); a numeric column's exact value counts
    /// while it has at most <see cref="NumericCategoryLimit"/> distinct values, else its quantile sketch's kept values,
    /// formatted, each with the weight it stands for.
    /// </summary>
    /// <exception cref="GangwayException">There is no such column (<see cref="ErrorKind.NotFound"/>).</exception>
    public CategoryDistribution Categories(string column) => Find(column).ToCategories();

    private static ColumnSketch[] Create(IEnumerable<(string Name, ColumnType Type)> columns, int k, int categoryCapacity)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return [.. columns.Select(c => ColumnSketch.Create(c.Name, c.Type, k, categoryCapacity, NumericCategoryLimit))];
    }

    private void AddColumn(int index, Column? column, int rows)
    {
        if (column is null)
        {
            _columns[index].AddMissing(rows);
        }
        else
        {
            _columns[index].Add(column);
        }
    }

    // The table's column for each sketched column (null when absent), after checking every type.
    private Column?[] Match(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var present = new Column?[_columns.Length];
        for (var i = 0; i < _columns.Length; i++)
        {
            if (table.TryGetColumn(_columns[i].Name, out var column))
            {
                if (column.Type != _columns[i].Type)
                {
                    throw new GangwayException(
                        ErrorKind.InvalidInput,
                        $"Column '{column.Name}' is sketched as {Describe(_columns[i].Type)} but the table has it as {Describe(column.Type)}.");
                }

                present[i] = column;
            }
        }

        return present;
    }

    private ColumnSketch Find(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return _indexes.TryGetValue(column, out var i)
            ? _columns[i]
            : throw new GangwayException(ErrorKind.NotFound, $"The sketch has no column '{column}'. Columns sketched: {NameList.Of(Columns)}.");
    }

    private static string Describe(ColumnType type) => type == ColumnType.Numeric ? "numeric" : "text";
}
