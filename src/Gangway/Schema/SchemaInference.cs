using System.Globalization;
using Gangway.Data;

namespace Gangway.Schema;

/// <summary>
/// Proposes a schema from data, for a person to curate (<c>gangway schema infer</c>). The rules, applied per column:
/// <list type="bullet">
/// <item>Numbers: <c>boolean</c> when every value is 0 or 1; <c>category</c> of the observed values when they are whole
/// numbers with at most <see cref="MaxNumericCategories"/> distinct values; else <c>integer</c> or <c>real</c> with the
/// observed range widened by <c>margin</c> × (max − min) on each side, never below 0 when no value was negative.</item>
/// <item>Text: <c>datetime</c> when every value is an ISO 8601 date; <c>category</c> of the observed values when there
/// are at most <see cref="MaxTextCategories"/> distinct values and each appears at least twice on average; else
/// <c>text</c> with <c>max_length</c> = the longest value × (1 + margin), rounded up.</item>
/// <item>Missing values: <c>nullable: false</c> when there were none; otherwise <c>max_missing_rate</c> = the observed
/// rate + margin (at most 1), as a warning.</item>
/// </list>
/// Personal data cannot be recognised reliably: mark <c>pii: true</c> by hand.
/// </summary>
public static class SchemaInference
{
    /// <summary>The most distinct whole numbers still proposed as a category.</summary>
    public const int MaxNumericCategories = 5;

    /// <summary>The most distinct text values still proposed as a category.</summary>
    public const int MaxTextCategories = 20;

    /// <summary>Proposes a schema for every column of <paramref name="data"/>.</summary>
    /// <param name="data">Representative data.</param>
    /// <param name="margin">How far to widen observed ranges and rates (default 0.1 = 10%).</param>
    /// <exception cref="GangwayException">The data has no rows.</exception>
    public static DataSchema Infer(Table data, double margin = 0.1)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.RequireRows("infer a schema");
        if (!(margin >= 0 && margin <= 10))
        {
            throw new GangwayException(ErrorKind.InvalidConfiguration, $"The margin must be between 0 and 10; got {margin.ToString(CultureInfo.InvariantCulture)}.");
        }

        return new DataSchema(data.Columns.Select(c => WithMissing(c, c is NumericColumn n ? Numeric(n, margin) : Text((TextColumn)c, margin), margin)));
    }

    private static ColumnSchema Numeric(NumericColumn column, double margin)
    {
        var values = column.Values.ToArray().Where(v => !double.IsNaN(v)).ToArray();
        if (values.Length == 0)
        {
            return new ColumnSchema { Name = column.Name, Type = SchemaType.Real };
        }

        var distinct = values.Distinct().Order().ToArray();
        var whole = values.All(v => v == Math.Floor(v));
        if (distinct.All(v => v is 0 or 1))
        {
            return new ColumnSchema { Name = column.Name, Type = SchemaType.Boolean };
        }

        if (whole && distinct.Length <= MaxNumericCategories)
        {
            return new ColumnSchema { Name = column.Name, Type = SchemaType.Category, AllowedValues = [.. distinct.Select(Column.FormatNumber)] };
        }

        var (min, max) = (distinct[0], distinct[^1]);
        var widen = (max - min) * margin;
        var low = min - widen;
        var high = max + widen;
        return new ColumnSchema
        {
            Name = column.Name,
            Type = whole ? SchemaType.Integer : SchemaType.Real,
            Min = whole ? Math.Floor(min >= 0 ? Math.Max(0, low) : low) : (min >= 0 ? Math.Max(0, low) : low),
            Max = whole ? Math.Ceiling(high) : high,
        };
    }

    private static ColumnSchema Text(TextColumn column, double margin)
    {
        var values = column.Values.ToArray().OfType<string>().ToArray();
        if (values.Length == 0)
        {
            return new ColumnSchema { Name = column.Name, Type = SchemaType.Text };
        }

        var distinct = values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (values.All(v => DateTime.TryParseExact(v, ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
        {
            return new ColumnSchema { Name = column.Name, Type = SchemaType.DateTime };
        }

        if (distinct.Length <= MaxTextCategories && values.Length >= 2 * distinct.Length)
        {
            return new ColumnSchema { Name = column.Name, Type = SchemaType.Category, AllowedValues = distinct };
        }

        return new ColumnSchema { Name = column.Name, Type = SchemaType.Text, MaxLength = (int)Math.Ceiling(values.Max(v => v.Length) * (1 + margin)) };
    }

    private static ColumnSchema WithMissing(Column column, ColumnSchema schema, double margin)
    {
        var missing = 0;
        for (var row = 0; row < column.Length; row++)
        {
            missing += column.IsMissing(row) ? 1 : 0;
        }

        return missing == 0
            ? schema with { Nullable = false }
            : schema with
            {
                MaxMissingRate = Math.Min(1, Math.Round((double)missing / column.Length + margin, 4)),
                Warnings = new HashSet<ValidationRule> { ValidationRule.MaxMissingRate },
            };
    }
}
