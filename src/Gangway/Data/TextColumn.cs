namespace Gangway.Data;

/// <summary>A column of strings; <see langword="null"/> marks a missing value.</summary>
public sealed class TextColumn : Column
{
    private readonly string?[] _values;

    /// <summary>Creates a column that takes ownership of <paramref name="values"/> (the array must not be changed afterwards).</summary>
    public TextColumn(string name, string?[] values)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = values;
    }

    /// <inheritdoc />
    public override ColumnType Type => ColumnType.Text;

    /// <inheritdoc />
    public override int Length => _values.Length;

    /// <summary>The values; <see langword="null"/> where missing.</summary>
    public ReadOnlySpan<string?> Values => _values;

    /// <summary>The value at <paramref name="row"/> (<see langword="null"/> when missing).</summary>
    public string? this[int row] => _values[row];

    /// <inheritdoc />
    public override bool IsMissing(int row) => _values[row] is null;

    /// <inheritdoc />
    public override string? FormatValue(int row) => _values[row];

    /// <inheritdoc />
    public override Column Rename(string newName) => new TextColumn(newName, _values);

    /// <inheritdoc />
    public override Column Take(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new TextColumn(Name, Gather<string?>(_values, rows));
    }
}
