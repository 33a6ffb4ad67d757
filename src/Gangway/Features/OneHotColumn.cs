using System.Globalization;
using Gangway.Data;

namespace Gangway.Features;

/// <summary>The categories one-hot encoding learned for one column, with the lookups used at transform.</summary>
internal sealed class OneHotColumn
{
    private readonly Dictionary<double, int>? _numbers;
    private readonly Dictionary<string, int>? _texts;

    private OneHotColumn(string name, ColumnType type, string[] categoryNames, bool dropFirst, Dictionary<double, int>? numbers, Dictionary<string, int>? texts)
    {
        Name = name;
        Type = type;
        CategoryNames = categoryNames;
        _numbers = numbers;
        _texts = texts;
        var skip = dropFirst ? Math.Min(1, categoryNames.Length) : 0;
        OutputNames = [.. categoryNames.Skip(skip).Select(c => $"{name}_{c}")];
    }

    public string Name { get; }

    public ColumnType Type { get; }

    /// <summary>The sorted categories, formatted (numbers with <see cref="Column.FormatNumber"/>).</summary>
    public IReadOnlyList<string> CategoryNames { get; }

    /// <summary>The output column names, in category order, without the first when dropped.</summary>
    public IReadOnlyList<string> OutputNames { get; }

    public static OneHotColumn ForNumbers(string name, double[] sortedCategories, bool dropFirst)
    {
        var lookup = new Dictionary<double, int>(sortedCategories.Length);
        for (var i = 0; i < sortedCategories.Length; i++)
        {
            lookup[sortedCategories[i]] = i;
        }

        return new OneHotColumn(name, ColumnType.Numeric, [.. sortedCategories.Select(Column.FormatNumber)], dropFirst, lookup, null);
    }

    public static OneHotColumn ForText(string name, string[] sortedCategories, bool dropFirst)
    {
        var lookup = new Dictionary<string, int>(sortedCategories.Length, StringComparer.Ordinal);
        for (var i = 0; i < sortedCategories.Length; i++)
        {
            lookup[sortedCategories[i]] = i;
        }

        return new OneHotColumn(name, ColumnType.Text, sortedCategories, dropFirst, null, lookup);
    }

    /// <summary>Rebuilds from saved category names (numbers were written in round-trip form).</summary>
    public static OneHotColumn FromNames(string name, ColumnType type, string[] categoryNames, bool dropFirst)
    {
        if (type == ColumnType.Text)
        {
            return ForText(name, categoryNames, dropFirst);
        }

        var numbers = new double[categoryNames.Length];
        for (var i = 0; i < numbers.Length; i++)
        {
            numbers[i] = double.Parse(categoryNames[i], NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return ForNumbers(name, numbers, dropFirst);
    }

    /// <summary>The category index of the value at <paramref name="row"/>, or -1 when it is unknown or missing.</summary>
    public int IndexOf(Column column, int row) =>
        _numbers is not null ? IndexOf(((NumericColumn)column)[row]) : IndexOf(((TextColumn)column)[row]);

    /// <summary>The category index of a number of a numeric column, or -1 when it is unknown or missing.</summary>
    public int IndexOf(double value) => _numbers!.TryGetValue(value, out var n) ? n : -1;

    /// <summary>The category index of a text of a text column, or -1 when it is unknown or missing.</summary>
    public int IndexOf(string? value) => value is not null && _texts!.TryGetValue(value, out var t) ? t : -1;
}
