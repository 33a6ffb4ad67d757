using System.Globalization;

namespace Gangway.Data;

/// <summary>
/// A named, typed, immutable column of a <see cref="Table"/>. Missing values are missing: <see cref="double.NaN"/>
/// in a <see cref="NumericColumn"/>, <see langword="null"/> in a <see cref="TextColumn"/>; never 0 or "".
/// </summary>
public abstract class Column
{
    private protected Column(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        NameKey = KeyOf(name);
    }

    /// <summary>The column's name, unique within its table (compared ordinally, case-sensitive).</summary>
    public string Name { get; }

    /// <summary>A summary of <see cref="Name"/> (<see cref="KeyOf"/>): names with different keys differ.</summary>
    internal long NameKey { get; }

    /// <summary>The physical type of the values.</summary>
    public abstract ColumnType Type { get; }

    /// <summary>The number of values.</summary>
    public abstract int Length { get; }

    /// <summary>Whether the value at <paramref name="row"/> is missing.</summary>
    public abstract bool IsMissing(int row);

    /// <summary>The value at <paramref name="row"/> formatted invariantly, or <see langword="null"/> when missing.</summary>
    public abstract string? FormatValue(int row);

    /// <summary>A copy of this column under another name.</summary>
    public abstract Column Rename(string newName);

    /// <summary>A new column holding the values at the given rows, in that order.</summary>
    public abstract Column Take(IReadOnlyList<int> rows);

    /// <summary>One column holding the values of <paramref name="parts"/> one after another; they share the first's name and type.</summary>
    /// <exception cref="ArgumentException">There are no parts, or their types differ.</exception>
    internal static Column Concat(IReadOnlyList<Column> parts)
    {
        ArgumentOutOfRangeException.ThrowIfZero(parts.Count);
        if (parts.Count == 1)
        {
            return parts[0];
        }

        var name = parts[0].Name;
        return parts[0] switch
        {
            NumericColumn when parts.All(p => p is NumericColumn) => new NumericColumn(name, Join(parts, p => ((NumericColumn)p).Values)),
            TextColumn when parts.All(p => p is TextColumn) => new TextColumn(name, Join(parts, p => ((TextColumn)p).Values)),
            _ => throw new ArgumentException($"The parts of column '{name}' must all have the same type.", nameof(parts)),
        };
    }

    /// <summary>The values at the given rows, in that order: what every column's <see cref="Take"/> does.</summary>
    private protected static T[] Gather<T>(ReadOnlySpan<T> values, IReadOnlyList<int> rows)
    {
        var result = new T[rows.Count];
        // An array is indexed directly; through the interface each row costs a call (a monotone model takes millions).
        if (rows is int[] indices)
        {
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = values[indices[i]];
            }

            return result;
        }

        for (var i = 0; i < result.Length; i++)
        {
            result[i] = values[rows[i]];
        }

        return result;
    }

    private delegate ReadOnlySpan<T> ValuesOf<T>(Column column);

    private static T[] Join<T>(IReadOnlyList<Column> parts, ValuesOf<T> values)
    {
        var result = new T[parts.Sum(p => p.Length)];
        var next = 0;
        foreach (var part in parts)
        {
            values(part).CopyTo(result.AsSpan(next));
            next += part.Length;
        }

        return result;
    }

    /// <summary>
    /// The length and the first, middle and last characters of a name, packed in one number, so that a search for a
    /// column compares one number per column and whole names only where it matches.
    /// </summary>
    internal static long KeyOf(string name) =>
        name.Length == 0 ? 0 : ((long)name.Length << 48) | ((long)name[0] << 32) | ((long)name[name.Length / 2] << 16) | name[^1];

    /// <summary>Formats a number the way Gangway writes numbers everywhere: invariant, shortest round-trip form.</summary>
    public static string FormatNumber(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
