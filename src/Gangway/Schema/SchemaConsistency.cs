using System.Globalization;
using System.Text.RegularExpressions;

namespace Gangway.Schema;

/// <summary>Checks that one column's expectations make sense together, so a contract cannot be impossible to meet.</summary>
internal static class SchemaConsistency
{
    public static void Check(ColumnSchema column)
    {
        if (column.Min is { } min && column.Max is { } max && min > max)
        {
            throw Invalid(column, $"min {Format(min)} is greater than max {Format(max)}");
        }

        if (column.MaxMissingRate is { } rate && (rate < 0 || rate > 1 || double.IsNaN(rate)))
        {
            throw Invalid(column, $"max_missing_rate must be between 0 and 1; got {Format(rate)}");
        }

        if (column.MaxLength is < 0)
        {
            throw Invalid(column, $"max_length must not be negative; got {column.MaxLength}");
        }

        if (column.Type == SchemaType.Category && column.AllowedValues is not { Count: > 0 })
        {
            throw Invalid(column, "a category needs its allowed values ('values: [...]')");
        }

        if (column.AllowedValues is { } values && values.Distinct(StringComparer.Ordinal).Count() != values.Count)
        {
            throw Invalid(column, "lists an allowed value twice");
        }

        if ((column.Min is not null || column.Max is not null) && column.PhysicalType != Data.ColumnType.Numeric)
        {
            throw Invalid(column, "min and max apply only to numeric columns");
        }

        if (column.Pattern is { } pattern)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                throw Invalid(column, $"pattern is not a valid regular expression ({ex.Message})");
            }
        }
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static GangwayException Invalid(ColumnSchema column, string problem) =>
        new(ErrorKind.InvalidConfiguration, $"Schema column '{column.Name}': {problem}.");
}
