using System.Text.Json;
using System.Text.Json.Nodes;
using Gangway.Data;

namespace Gangway.Bundles;

/// <summary>
/// Converts a bundle's example rows between a <see cref="Table"/> and <c>examples.json</c>: an array of objects mapping each
/// schema column to a number, a string or <c>null</c> (missing).
/// </summary>
internal static class ExampleRows
{
    /// <summary>The schema's columns of <paramref name="examples"/>, in schema order, checked for type.</summary>
    public static Table Conform(Table examples, InputSchema schema)
    {
        examples.RequireColumns(schema.Columns.Select(c => c.Name));
        return new Table(schema.Columns.Select(c => c.Type == ColumnType.Numeric
            ? (Column)examples.GetNumeric(c.Name)
            : examples.GetText(c.Name)));
    }

    public static byte[] ToJson(Table examples)
    {
        var rows = new JsonArray();
        for (var row = 0; row < examples.RowCount; row++)
        {
            var item = new JsonObject();
            foreach (var column in examples.Columns)
            {
                item[column.Name] = column switch
                {
                    NumericColumn n when !n.IsMissing(row) => JsonValue.Create(n[row]),
                    TextColumn t when !t.IsMissing(row) => JsonValue.Create(t[row]),
                    _ => null,
                };
            }

            rows.Add(item);
        }

        return JsonSerializer.SerializeToUtf8Bytes(rows, GangwayJson.Options);
    }

    public static Table FromJson(ReadOnlySpan<byte> utf8, InputSchema schema)
    {
        JsonArray rows;
        try
        {
            rows = JsonNode.Parse(utf8) as JsonArray
                ?? throw new GangwayException(ErrorKind.CorruptArtifact, "'examples.json' is not a JSON array.");
        }
        catch (JsonException ex)
        {
            throw new GangwayException(ErrorKind.CorruptArtifact, $"'examples.json' is not valid JSON: {ex.Message}", ex);
        }

        var columns = new List<Column>();
        foreach (var column in schema.Columns)
        {
            columns.Add(column.Type == ColumnType.Numeric
                ? new NumericColumn(column.Name, [.. rows.Select((r, i) => Number(Cell(r, i, column.Name, JsonValueKind.Number), i, column.Name))])
                : new TextColumn(column.Name, [.. rows.Select((r, i) => Cell(r, i, column.Name, JsonValueKind.String)?.GetValue<string>())]));
        }

        return new Table(columns);
    }

    private static double Number(JsonValue? cell, int row, string column) =>
        cell is null ? double.NaN
        : cell.TryGetValue<double>(out var value) && double.IsFinite(value) ? value
        : throw Bad(row, column, $"{cell.ToJsonString()} is not a finite number");

    private static JsonValue? Cell(JsonNode? row, int index, string column, JsonValueKind expected)
    {
        var value = (row as JsonObject ?? throw Bad(index, column, "the row is not an object"))[column];
        return value switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == expected => v,
            _ => throw Bad(index, column, $"expected a {(expected == JsonValueKind.Number ? "number" : "string")} or null but found {value.ToJsonString()}"),
        };
    }

    private static GangwayException Bad(int row, string column, string problem) =>
        new(ErrorKind.CorruptArtifact, $"'examples.json' row {row}, column '{column}': {problem}.", row, column);
}
