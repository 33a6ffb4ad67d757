using Gangway.Data;

namespace Gangway.Monitoring;

/// <summary>
/// The sketches of one column: a numeric column has a quantile sketch and, while it has few distinct values, their
/// exact counts; a text column has a frequent-items sketch.
/// </summary>
internal sealed class ColumnSketch
{
    private ColumnSketch(string name, ColumnType type, KllSketch? quantiles, NumericLevels? levels, CategorySketch? categories)
    {
        Name = name;
        Type = type;
        Quantiles = quantiles;
        Levels = levels;
        Categories = categories;
    }

    public string Name { get; }

    public ColumnType Type { get; }

    public KllSketch? Quantiles { get; }

    public NumericLevels? Levels { get; }

    public CategorySketch? Categories { get; }

    public static ColumnSketch Create(string name, ColumnType type, int k, int categoryCapacity, int numericLevels) =>
        type == ColumnType.Numeric
            ? new(name, type, new KllSketch(k), new NumericLevels(numericLevels), null)
            : new(name, type, null, null, new CategorySketch(categoryCapacity));

    public static ColumnSketch Numeric(string name, KllSketch quantiles, NumericLevels levels) => new(name, ColumnType.Numeric, quantiles, levels, null);

    public static ColumnSketch Text(string name, CategorySketch categories) => new(name, ColumnType.Text, null, null, categories);

    public void Add(Column column)
    {
        if (column is NumericColumn numeric)
        {
            Quantiles!.Add(numeric.Values);
            Levels!.Add(numeric.Values);
        }
        else
        {
            foreach (var value in ((TextColumn)column).Values)
            {
                Categories!.Add(value);
            }
        }
    }

    public void Add(Column column, int row)
    {
        if (column is NumericColumn numeric)
        {
            Quantiles!.Add(numeric[row]);
            Levels!.Add(numeric[row]);
        }
        else
        {
            Categories!.Add(((TextColumn)column)[row]);
        }
    }

    public void AddMissing(long count)
    {
        Quantiles?.AddMissing(count);
        Categories?.AddMissing(count);
    }

    public void Merge(ColumnSketch other)
    {
        Quantiles?.Merge(other.Quantiles!);
        Levels?.Merge(other.Levels!);
        Categories?.Merge(other.Categories!);
    }

    public ColumnSketch Clone() => new(Name, Type, Quantiles?.Clone(), Levels?.Clone(), Categories?.Clone());

    /// <summary>How many rows the column's sketches have seen, missing ones included.</summary>
    public long Rows => Quantiles is not null ? Quantiles.Count + Quantiles.Missing : Categories!.Count + Categories.Missing;

    /// <summary>
    /// The column as categories: text as sketched; numbers by their exact counts while few, else the quantile sketch's
    /// kept values, formatted, each with the weight it stands for.
    /// </summary>
    public CategoryDistribution ToCategories()
    {
        if (Categories is not null)
        {
            return Categories.ToDistribution();
        }

        if (Levels!.ToDistribution(Quantiles!.Missing) is { } exact)
        {
            return exact;
        }

        return NumericCategories.Of(Quantiles.ToDistribution());
    }
}
