using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Gangway.Schema;

/// <summary>Writes a <see cref="DataSchema"/> as YAML that <see cref="DataSchemaReader"/> reads back to an equal schema.</summary>
public static class DataSchemaWriter
{
    /// <summary>The schema as YAML text, optionally preceded by comment lines.</summary>
    public static string Write(DataSchema schema, IEnumerable<string>? comments = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var yaml = new StringBuilder();
        foreach (var comment in comments ?? [])
        {
            yaml.Append("# ").Append(comment).Append('\n');
        }

        yaml.Append("columns:\n");
        foreach (var column in schema.Columns)
        {
            yaml.Append("  ").Append(Quote(column.Name)).Append(":\n");
            Line(yaml, "type", column.Type.ToString().ToLowerInvariant());
            if (!column.Nullable)
            {
                Line(yaml, "nullable", "false");
            }

            if (column.AllowedValues is { } values)
            {
                Line(yaml, "values", "[" + string.Join(", ", values.Select(Quote)) + "]");
            }

            Number(yaml, "min", column.Min);
            Number(yaml, "max", column.Max);
            Number(yaml, "max_missing_rate", column.MaxMissingRate);
            if (column.Pattern is { } pattern)
            {
                Line(yaml, "pattern", Quote(pattern));
            }

            if (column.MaxLength is { } maxLength)
            {
                Line(yaml, "max_length", maxLength.ToString(CultureInfo.InvariantCulture));
            }

            if (column.Pii)
            {
                Line(yaml, "pii", "true");
            }

            if (column.Warnings.Count > 0)
            {
                Line(yaml, "warn", "[" + string.Join(", ", column.Warnings.Order().Select(RuleNames.Of)) + "]");
            }

            if (column.Role != ContractRole.Input)
            {
                Line(yaml, "role", column.Role.ToString().ToLowerInvariant());
            }

            if (column.Description is { } description)
            {
                Line(yaml, "description", Quote(description));
            }
        }

        return yaml.ToString();
    }

    private static void Number(StringBuilder yaml, string key, double? value)
    {
        if (value is { } number)
        {
            Line(yaml, key, number.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    private static void Line(StringBuilder yaml, string key, string value) => yaml.Append("    ").Append(key).Append(": ").Append(value).Append('\n');

    // Double-quoted YAML scalars are JSON strings, so JSON escaping quotes anything safely.
    private static string Quote(string text) => JsonSerializer.Serialize(text);
}
