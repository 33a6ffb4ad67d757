using System.Globalization;
using System.Runtime.CompilerServices;

namespace Gangway.Data;

/// <summary>
/// Collects one CSV column's values for a chunk. A row is stored field by field with <see cref="TryStore"/> and only
/// counted by <see cref="Commit"/>, so a row rejected in a later column leaves no trace.
/// </summary>
internal abstract class ColumnBuilder(string name, int initialCapacity)
{
    public string Name { get; } = name;

    protected int Count { get; private set; }

    protected int InitialCapacity { get; } = initialCapacity;

    /// <summary>Parses the field into the next slot; returns the problem (rule and value) or <see langword="null"/>.</summary>
    public abstract string? TryStore(ReadOnlySpan<char> field);

    /// <summary>Counts the stored row.</summary>
    public virtual void Commit() => Count++;

    /// <summary>The column of the committed rows; the builder starts empty again.</summary>
    public Column Build()
    {
        var column = Create(Count);
        Count = 0;
        return column;
    }

    protected abstract Column Create(int count);

    /// <summary>Storage with room for the row being stored, grown by doubling.</summary>
    protected T[] Ensure<T>(T[] values)
    {
        if (Count < values.Length)
        {
            return values;
        }

        Array.Resize(ref values, Math.Max(InitialCapacity, values.Length * 2));
        return values;
    }

    protected static T[] Trim<T>(T[] values, int count) => count == values.Length ? values : values[..count];

    /// <summary>Parses an invariant, finite number; an empty field is missing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected static string? ParseNumber(ReadOnlySpan<char> field, out double value)
    {
        if (field.IsEmpty)
        {
            value = double.NaN;
            return null;
        }

        if (FastNumber.TryParse(field, out value))
        {
            return null;
        }

        if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return $"expected a number, found '{Show(field)}'";
        }

        return double.IsFinite(value) ? null : $"expected a finite number, found '{Show(field)}'";
    }

    private static string Show(ReadOnlySpan<char> field) => field.Length <= 60 ? new string(field) : $"{field[..57]}...";
}

/// <summary>A column declared (or fixed) as numeric.</summary>
internal sealed class NumericBuilder(string name, int initialCapacity) : ColumnBuilder(name, initialCapacity)
{
    private double[] _values = [];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override string? TryStore(ReadOnlySpan<char> field)
    {
        _values = Ensure(_values);
        return ParseNumber(field, out _values[Count]);
    }

    protected override Column Create(int count)
    {
        var column = new NumericColumn(Name, Trim(_values, count));
        _values = [];
        return column;
    }
}

/// <summary>A column declared (or fixed) as text.</summary>
internal sealed class TextBuilder(string name, int initialCapacity, StringPool pool) : ColumnBuilder(name, initialCapacity)
{
    private string?[] _values = [];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override string? TryStore(ReadOnlySpan<char> field)
    {
        _values = Ensure(_values);
        _values[Count] = field.IsEmpty ? null : pool.Get(field);
        return null;
    }

    protected override Column Create(int count)
    {
        var column = new TextColumn(Name, Trim(_values, count));
        _values = [];
        return column;
    }
}
