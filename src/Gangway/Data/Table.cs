namespace Gangway.Data;

/// <summary>
/// An immutable table of named, typed columns of equal length: the data every estimator and transformer sees.
/// Columns are found by name, never by position. Operations return new tables and share unchanged columns.
/// </summary>
/// <remarks>Thread-safe to share. Creating and deriving tables is cheap: narrow tables find columns by scanning names.</remarks>
public sealed class Table
{
    // Up to this many columns, comparing names one by one beats hashing the name (most tables in a pipeline are this
    // narrow); wider tables keep a dictionary, shared with derived tables that have the same names in the same order.
    private const int LinearSearchLimit = 24;

    private readonly Column[] _columns;
    private readonly Dictionary<string, int>? _index;

    /// <summary>Creates a table; all columns must have the same length and distinct names.</summary>
    /// <exception cref="GangwayException">Lengths differ or a name repeats.</exception>
    public Table(IEnumerable<Column> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = [.. columns];
        _index = Validate(_columns);
    }

    /// <summary>Creates a table from the given columns.</summary>
    public Table(params Column[] columns)
        : this((IEnumerable<Column>)columns)
    {
    }

    // For columns known to have distinct names and equal lengths; takes ownership of the array.
    private Table(Column[] columns, Dictionary<string, int>? index)
    {
        _columns = columns;
        _index = index ?? (columns.Length > LinearSearchLimit ? BuildIndex(columns) : null);
    }

    /// <summary>The number of rows.</summary>
    public int RowCount => _columns.Length == 0 ? 0 : _columns[0].Length;

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<Column> Columns => _columns;

    /// <summary>The column names, in order.</summary>
    public IEnumerable<string> ColumnNames => _columns.Select(c => c.Name);

    /// <summary>Whether a column of that name exists.</summary>
    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <summary>Finds a column by name.</summary>
    public bool TryGetColumn(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Column? column)
    {
        var i = IndexOf(name);
        column = i >= 0 ? _columns[i] : null;
        return column is not null;
    }

    /// <summary>The column of that name.</summary>
    /// <exception cref="GangwayException">No such column; the message lists the columns present.</exception>
    public Column this[string name] => IndexOf(name) is var i && i >= 0 ? _columns[i] : throw MissingColumn(name);

    /// <summary>The numeric column of that name.</summary>
    /// <exception cref="GangwayException">No such column, or it holds text.</exception>
    public NumericColumn GetNumeric(string name) => this[name] as NumericColumn ?? throw WrongType(name, ColumnType.Numeric);

    /// <summary>The text column of that name.</summary>
    /// <exception cref="GangwayException">No such column, or it holds numbers.</exception>
    public TextColumn GetText(string name) => this[name] as TextColumn ?? throw WrongType(name, ColumnType.Text);

    /// <summary>Checks that every named column exists.</summary>
    /// <exception cref="GangwayException">A column is missing; the message lists the columns present.</exception>
    public void RequireColumns(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var name in names)
        {
            if (!Contains(name))
            {
                throw MissingColumn(name);
            }
        }
    }

    /// <summary>Checks that the table has at least one row.</summary>
    /// <param name="purpose">What needs the rows, for the message (e.g. "fit 'impute'").</param>
    /// <exception cref="GangwayException">The table has no rows.</exception>
    public void RequireRows(string purpose)
    {
        if (RowCount == 0)
        {
            throw new GangwayException(ErrorKind.InvalidInput, $"Cannot {purpose}: the data has no rows.");
        }
    }

    /// <summary>A table with the given columns added, or replacing columns of the same name in place.</summary>
    /// <exception cref="GangwayException">The new columns' lengths differ from the table's, or a new name repeats.</exception>
    public Table With(params Column[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var result = new Column[_columns.Length + columns.Length];
        _columns.CopyTo(result, 0);
        var count = _columns.Length;
        foreach (var column in columns)
        {
            var i = IndexOf(column.Name);
            if (i >= 0)
            {
                result[i] = column;
            }
            else
            {
                result[count++] = column;
            }
        }

        if (count < result.Length)
        {
            Array.Resize(ref result, count);
        }

        return FromTrustedPrefix(result, _columns.Length, count == _columns.Length ? _index : null);
    }

    /// <summary>A table with only the named columns, in the given order.</summary>
    /// <exception cref="GangwayException">A column is missing.</exception>
    public Table Select(IEnumerable<string> names) => new(names.Select(n => this[n]));

    /// <summary>A table without the named columns; names that are not present are ignored.</summary>
    public Table Without(IEnumerable<string> names)
    {
        var drop = names.ToHashSet(StringComparer.Ordinal);
        return new Table([.. _columns.Where(c => !drop.Contains(c.Name))], null);
    }

    /// <summary>A table of the given rows, in that order.</summary>
    public Table Take(IReadOnlyList<int> rows)
    {
        var columns = new Column[_columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = _columns[i].Take(rows);
        }

        return new Table(columns, _index);
    }

    /// <summary>One table holding the rows of <paramref name="parts"/> one after another; each has the first's columns, in its order.</summary>
    /// <exception cref="ArgumentException">There are no parts, or their columns differ.</exception>
    internal static Table Concat(IReadOnlyList<Table> parts)
    {
        ArgumentOutOfRangeException.ThrowIfZero(parts.Count);
        var first = parts[0];
        if (parts.Any(p => !p.ColumnNames.SequenceEqual(first.ColumnNames, StringComparer.Ordinal)))
        {
            throw new ArgumentException("The parts of a table must all have the same columns in the same order.", nameof(parts));
        }

        var columns = new Column[first._columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = Column.Concat([.. parts.Select(p => p._columns[i])]);
        }

        return new Table(columns, first._index);
    }

    /// <summary>The error for a column that is not there, listing the columns that are.</summary>
    public GangwayException MissingColumn(string name)
    {
        var present = NameList.Of(ColumnNames);
        return new GangwayException(ErrorKind.InvalidInput, $"Could not find column '{name}'. Columns present: {present}.");
    }

    /// <summary>The position of the named column, or -1.</summary>
    internal int IndexOf(string name)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(name, out var found) ? found : -1;
        }

        return IndexOfName(_columns, _columns.Length, name);
    }

    /// <summary>
    /// This table's columns except those at the positions flagged in <paramref name="dropped"/>, in order, followed by
    /// <paramref name="added"/>; checked (and failing with the same messages) as the public constructor would.
    /// </summary>
    internal Table DropAndAppend(ReadOnlySpan<bool> dropped, ReadOnlySpan<Column> added)
    {
        var kept = 0;
        for (var i = 0; i < _columns.Length; i++)
        {
            kept += i < dropped.Length && dropped[i] ? 0 : 1;
        }

        var result = new Column[kept + added.Length];
        var count = 0;
        for (var i = 0; i < _columns.Length; i++)
        {
            if (i >= dropped.Length || !dropped[i])
            {
                result[count++] = _columns[i];
            }
        }

        added.CopyTo(result.AsSpan(count));
        return FromTrustedPrefix(result, kept, null);
    }

    // The first `trusted` columns come from one valid table (distinct names, one length); only the rest need checking
    // against them. Anything wrong goes through the full check, which throws exactly what the constructor throws.
    private static Table FromTrustedPrefix(Column[] columns, int trusted, Dictionary<string, int>? index)
    {
        if (columns.Length == 0)
        {
            return new Table(columns, null);
        }

        var length = columns[0].Length;
        for (var i = 0; i < columns.Length; i++)
        {
            if (columns[i].Length != length)
            {
                return new Table((IEnumerable<Column>)columns);
            }
        }

        for (var i = trusted; i < columns.Length; i++)
        {
            if (IndexOfName(columns, i, columns[i].Name) >= 0)
            {
                return new Table((IEnumerable<Column>)columns);
            }
        }

        return new Table(columns, index);
    }

    // Checks distinct names and equal lengths column by column, reporting the first problem in column order.
    private static Dictionary<string, int>? Validate(Column[] columns)
    {
        var index = columns.Length > LinearSearchLimit ? new Dictionary<string, int>(columns.Length, StringComparer.Ordinal) : null;
        for (var i = 0; i < columns.Length; i++)
        {
            var column = columns[i];
            if (index is null ? IndexOfName(columns, i, column.Name) >= 0 : !index.TryAdd(column.Name, i))
            {
                throw new GangwayException(ErrorKind.InvalidInput, $"Column '{column.Name}' appears more than once.");
            }

            if (column.Length != columns[0].Length)
            {
                throw new GangwayException(
                    ErrorKind.InvalidInput,
                    $"Column '{column.Name}' has {column.Length} values but column '{columns[0].Name}' has {columns[0].Length}.");
            }
        }

        return index;
    }

    // The first of the first `count` columns named `name`, or -1.
    private static int IndexOfName(Column[] columns, int count, string name)
    {
        var key = Column.KeyOf(name);
        for (var i = 0; i < count; i++)
        {
            if (columns[i].NameKey == key && string.Equals(columns[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static Dictionary<string, int> BuildIndex(Column[] columns)
    {
        var index = new Dictionary<string, int>(columns.Length, StringComparer.Ordinal);
        for (var i = 0; i < columns.Length; i++)
        {
            index.Add(columns[i].Name, i);
        }

        return index;
    }

    private GangwayException WrongType(string name, ColumnType expected)
    {
        var actual = this[name].Type;
        var hint = expected == ColumnType.Numeric ? "numbers" : "text";
        return new GangwayException(
            ErrorKind.InvalidInput,
            $"Column '{name}' must hold {hint} ({expected}) but holds {actual}.");
    }
}
