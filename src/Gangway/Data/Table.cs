namespace Gangway.Data;

/// <summary>
/// An immutable table of named, typed columns of equal length: the data every estimator and transformer sees.
/// Columns are found by name, never by position. Operations return new tables and share unchanged columns.
/// </summary>
public sealed class Table
{
    private readonly Column[] _columns;
    private readonly Dictionary<string, int> _index;

    /// <summary>Creates a table; all columns must have the same length and distinct names.</summary>
    /// <exception cref="GangwayException">Lengths differ or a name repeats.</exception>
    public Table(IEnumerable<Column> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = [.. columns];
        _index = new Dictionary<string, int>(_columns.Length, StringComparer.Ordinal);
        for (var i = 0; i < _columns.Length; i++)
        {
            var column = _columns[i];
            if (!_index.TryAdd(column.Name, i))
            {
                throw new GangwayException(ErrorKind.InvalidInput, $"Column '{column.Name}' appears more than once.");
            }

            if (column.Length != _columns[0].Length)
            {
                throw new GangwayException(
                    ErrorKind.InvalidInput,
                    $"Column '{column.Name}' has {column.Length} values but column '{_columns[0].Name}' has {_columns[0].Length}.");
            }
        }

        RowCount = _columns.Length == 0 ? 0 : _columns[0].Length;
    }

    /// <summary>Creates a table from the given columns.</summary>
    public Table(params Column[] columns)
        : this((IEnumerable<Column>)columns)
    {
    }

    /// <summary>The number of rows.</summary>
    public int RowCount { get; }

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<Column> Columns => _columns;

    /// <summary>The column names, in order.</summary>
    public IEnumerable<string> ColumnNames => _columns.Select(c => c.Name);

    /// <summary>Whether a column of that name exists.</summary>
    public bool Contains(string name) => _index.ContainsKey(name);

    /// <summary>Finds a column by name.</summary>
    public bool TryGetColumn(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Column? column)
    {
        if (_index.TryGetValue(name, out var i))
        {
            column = _columns[i];
            return true;
        }

        column = null;
        return false;
    }

    /// <summary>The column of that name.</summary>
    /// <exception cref="GangwayException">No such column; the message lists the columns present.</exception>
    public Column this[string name] => TryGetColumn(name, out var column) ? column : throw MissingColumn(name);

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
    public Table With(params Column[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var result = new List<Column>(_columns);
        foreach (var column in columns)
        {
            if (_index.TryGetValue(column.Name, out var i))
            {
                result[i] = column;
            }
            else
            {
                result.Add(column);
            }
        }

        return new Table(result);
    }

    /// <summary>A table with only the named columns, in the given order.</summary>
    /// <exception cref="GangwayException">A column is missing.</exception>
    public Table Select(IEnumerable<string> names) => new(names.Select(n => this[n]));

    /// <summary>A table without the named columns; names that are not present are ignored.</summary>
    public Table Without(IEnumerable<string> names)
    {
        var drop = names.ToHashSet(StringComparer.Ordinal);
        return new Table(_columns.Where(c => !drop.Contains(c.Name)));
    }

    /// <summary>A table of the given rows, in that order.</summary>
    public Table Take(IReadOnlyList<int> rows) => new(_columns.Select(c => c.Take(rows)));

    /// <summary>The error for a column that is not there, listing the columns that are.</summary>
    public GangwayException MissingColumn(string name)
    {
        var present = _columns.Length == 0 ? "(none)" : string.Join(", ", ColumnNames);
        return new GangwayException(ErrorKind.InvalidInput, $"Could not find column '{name}'. Columns present: {present}.");
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
