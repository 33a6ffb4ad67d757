using System.Text.Json;
using Gangway.Server.Hosting;

namespace Gangway.Server.Requests;

/// <summary>
/// Reads a JSON body in any of the accepted shapes: an array of records (pandas <c>orient="records"</c>), a single
/// record object, pandas' default <c>orient="columns"</c> (<c>{"col": {"0": v, ...}}</c>) or <c>orient="split"</c>
/// (<c>{"columns": [...], "index": [...], "data": [[...], ...]}</c>).
/// </summary>
internal static class JsonRecords
{
    public static RecordBatch Read(ReadOnlyMemory<byte> body, Served served, ServerOptions options)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = options.MaxJsonDepth });
        }
        catch (JsonException ex)
        {
            // The reader's message names the line and position, never the body's content beyond them.
            throw RequestRejectedException.Unreadable($"The body is not valid JSON (at most {options.MaxJsonDepth} levels deep): {FirstSentence(ex.Message)}");
        }

        using (document)
        {
            var root = document.RootElement;
            var builder = root.ValueKind switch
            {
                JsonValueKind.Array => ReadRecords(root, served, options),
                JsonValueKind.Object when IsSplit(root) => ReadSplit(root, served, options),
                JsonValueKind.Object when IsColumns(root) => ReadColumns(root, served, options),
                JsonValueKind.Object => ReadSingle(root, served, options),
                _ => throw RequestRejectedException.Unreadable("The body must be a JSON array of records, a record object, or a pandas DataFrame.to_json() object (orient 'columns', 'split' or 'records')."),
            };
            return new RecordBatch(builder.Build(), null, builder.Errors);
        }
    }

    private static RecordTableBuilder ReadRecords(JsonElement root, Served served, ServerOptions options)
    {
        var builder = new RecordTableBuilder(served, root.GetArrayLength(), options.MaxStringLength);
        var row = 0;
        foreach (var record in root.EnumerateArray())
        {
            if (record.ValueKind != JsonValueKind.Object)
            {
                throw RequestRejectedException.Unreadable($"Record {row} is not a JSON object (it is {Describe(record.ValueKind)}); each record must be an object of field names and values.");
            }

            SetFields(builder, row++, record);
        }

        return builder;
    }

    private static RecordTableBuilder ReadSingle(JsonElement root, Served served, ServerOptions options)
    {
        var builder = new RecordTableBuilder(served, 1, options.MaxStringLength);
        SetFields(builder, 0, root);
        return builder;
    }

    private static void SetFields(RecordTableBuilder builder, int row, JsonElement record)
    {
        foreach (var field in record.EnumerateObject())
        {
            builder.Set(row, field.Name, field.Value);
        }
    }

    // {"columns": [...], "data": [[...]]} with an optional "index": the shape of DataFrame.to_json(orient="split").
    private static bool IsSplit(JsonElement root) =>
        root.TryGetProperty("columns", out var columns) && columns.ValueKind == JsonValueKind.Array &&
        root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array;

    private static bool IsColumns(JsonElement root)
    {
        var any = false;
        foreach (var property in root.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    private static RecordTableBuilder ReadSplit(JsonElement root, Served served, ServerOptions options)
    {
        var names = new List<string>();
        foreach (var column in root.GetProperty("columns").EnumerateArray())
        {
            names.Add(column.ValueKind == JsonValueKind.String
                ? column.GetString()!
                : throw RequestRejectedException.Unreadable("In a 'split' body every entry of 'columns' must be a column name (a string)."));
        }

        var data = root.GetProperty("data");
        var builder = new RecordTableBuilder(served, data.GetArrayLength(), options.MaxStringLength);
        foreach (var name in names.Where(n => served.Schema.IndexOf(n) < 0))
        {
            builder.NoteUnknown(name, null);
        }

        var row = 0;
        foreach (var values in data.EnumerateArray())
        {
            if (values.ValueKind != JsonValueKind.Array || values.GetArrayLength() != names.Count)
            {
                throw RequestRejectedException.Unreadable($"Row {row} of 'data' must be an array of {names.Count} values, one per entry of 'columns'.");
            }

            var i = 0;
            foreach (var value in values.EnumerateArray())
            {
                if (served.Schema.IndexOf(names[i]) >= 0)
                {
                    builder.Set(row, names[i], value);
                }

                i++;
            }

            row++;
        }

        return builder;
    }

    private static RecordTableBuilder ReadColumns(JsonElement root, Served served, ServerOptions options)
    {
        // Records are the index labels in order of first appearance (pandas writes every column in index order).
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var column in root.EnumerateObject())
        {
            foreach (var cell in column.Value.EnumerateObject())
            {
                rows.TryAdd(cell.Name, rows.Count);
            }
        }

        var builder = new RecordTableBuilder(served, rows.Count, options.MaxStringLength);
        foreach (var column in root.EnumerateObject())
        {
            if (served.Schema.IndexOf(column.Name) < 0)
            {
                builder.NoteUnknown(column.Name, null);
                continue;
            }

            foreach (var cell in column.Value.EnumerateObject())
            {
                builder.Set(rows[cell.Name], column.Name, cell.Value);
            }
        }

        return builder;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Null => "null",
        _ => "a boolean",
    };

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
