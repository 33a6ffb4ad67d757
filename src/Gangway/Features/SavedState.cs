using System.Text.Json.Nodes;
using Gangway.Data;
using Gangway.Pipelines;

namespace Gangway.Features;

/// <summary>Helpers to write and check the plain JSON state of feature transformers.</summary>
internal static class SavedState
{
    public static JsonArray Strings(IEnumerable<string?> values)
    {
        var array = new JsonArray();
        foreach (var value in values)
        {
            array.Add(value is null ? null : JsonValue.Create(value));
        }

        return array;
    }

    /// <summary>Numbers as JSON; NaN (missing) becomes <c>null</c>, which <see cref="TransformerReader.GetDoubles"/> reads back as NaN.</summary>
    public static JsonArray Numbers(IEnumerable<double> values)
    {
        var array = new JsonArray();
        foreach (var value in values)
        {
            array.Add(double.IsNaN(value) ? null : JsonValue.Create(value));
        }

        return array;
    }

    public static JsonArray NumberLists(IEnumerable<IEnumerable<double>> lists)
    {
        var array = new JsonArray();
        foreach (var list in lists)
        {
            array.Add(Numbers(list));
        }

        return array;
    }

    public static JsonArray StringLists(IEnumerable<IEnumerable<string>> lists)
    {
        var array = new JsonArray();
        foreach (var list in lists)
        {
            array.Add(Strings(list));
        }

        return array;
    }

    public static string TypeName(ColumnType type) => type == ColumnType.Numeric ? "numeric" : "text";

    public static ColumnType ReadType(TransformerReader reader, string key, string? value) => value switch
    {
        "numeric" => ColumnType.Numeric,
        "text" => ColumnType.Text,
        _ => throw reader.Corrupt(key, $"has unknown column type '{value}'"),
    };

    /// <summary>Checks that a learned list has one entry per column.</summary>
    public static void RequireSameCount(TransformerReader reader, string key, int count, int columns)
    {
        if (count != columns)
        {
            throw reader.Corrupt(key, $"has {count} entries for {columns} columns");
        }
    }

    /// <summary>Checks that a learned statistic can be saved and used (infinite input makes it infinite or NaN).</summary>
    public static double RequireFinite(double value, string step, string column, string what) =>
        double.IsFinite(value)
            ? value
            : throw new GangwayException(
                ErrorKind.InvalidInput,
                $"Cannot fit '{step}': the {what} of column '{column}' is {Column.FormatNumber(value)} because the column holds infinite values.");
}
