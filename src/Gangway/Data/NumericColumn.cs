namespace Gangway.Data;

/// <summary>A column of numbers; <see cref="double.NaN"/> marks a missing value.</summary>
public sealed class NumericColumn : Column
{
    private readonly double[] _values;

    /// <summary>Creates a column that takes ownership of <paramref name="values"/> (the array must not be changed afterwards).</summary>
    public NumericColumn(string name, double[] values)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = values;
    }

    /// <inheritdoc />
    public override ColumnType Type => ColumnType.Numeric;

    /// <inheritdoc />
    public override int Length => _values.Length;

    /// <summary>The values; <see cref="double.NaN"/> where missing.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>The value at <paramref name="row"/> (<see cref="double.NaN"/> when missing).</summary>
    public double this[int row] => _values[row];

    /// <inheritdoc />
    public override bool IsMissing(int row) => double.IsNaN(_values[row]);

    /// <inheritdoc />
    public override string? FormatValue(int row) => IsMissing(row) ? null : FormatNumber(_values[row]);

    /// <inheritdoc />
    public override Column Rename(string newName) => new NumericColumn(newName, _values);

    /// <inheritdoc />
    public override Column Take(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new NumericColumn(Name, Gather<double>(_values, rows));
    }
}
