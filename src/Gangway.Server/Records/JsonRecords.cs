using System.Text.Json;
using System.Text.Unicode;
using Gangway.Server.Hosting;
using Gangway.Server.Serving;

namespace Gangway.Server.Records;

/// <summary>
/// Reads a JSON body in any of the accepted shapes: an array of records (pandas <c>orient="records"</c>), a single
/// record object, pandas' default <c>orient="columns"</c> (<c>{"col": {"0": v, ...}}</c>) or <c>orient="split"</c>
/// (<c>{"columns": [...], "index": [...], "data": [[...], ...]}</c>).
/// </summary>
internal static class JsonRecords
{
    // Longer field names are read as strings; none of them is an input column name in practice.
    private const int MaxStackNameLength = 128;

    public static RecordBatch Read(ReadOnlyMemory<byte> body, Served served, ServerOptions options)
    {
        // The JSON reader checks structure, not the bytes inside strings; decoding one would fail later.
        if (!Utf8.IsValid(body.Span))
        {
            throw new GangwayException(ErrorKind.Unreadable, "The body is not valid UTF-8; send JSON encoded as UTF-8.");
        }

        try
        {
            return ReadShape(body, served, options);
        }
        catch (InvalidOperationException) when (UnreadableString.Find(body.Span, options.MaxJsonDepth) is not null)
        {
            // System.Text.Json reads a lone surrogate escape ("\ud800") as valid JSON but cannot make a string of it.
            throw new GangwayException(ErrorKind.Unreadable, UnreadableString.Find(body.Span, options.MaxJsonDepth)!);
        }
    }

    private static RecordBatch ReadShape(ReadOnlyMemory<byte> body, Served served, ServerOptions options)
    {
        try
        {
            if (StartsWithArray(body.Span))
            {
                var records = ReadRecordArray(body.Span, served, options);
                return new RecordBatch(records.Build(), null, records.Errors, records.IdsGiven);
            }
        }
        catch (JsonException ex)
        {
            throw Unreadable(ex, options);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = options.MaxJsonDepth });
        }
        catch (JsonException ex)
        {
            throw Unreadable(ex, options);
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
                _ => throw new GangwayException(ErrorKind.Unreadable, "The body must be a JSON array of records, a record object, or a pandas DataFrame.to_json() object (orient 'columns', 'split' or 'records')."),
            };
            return new RecordBatch(builder.Build(), null, builder.Errors, builder.IdsGiven);
        }
    }

    // The reader's message names the line and position, never the body's content beyond them.
    private static GangwayException Unreadable(JsonException ex, ServerOptions options) =>
        new GangwayException(ErrorKind.Unreadable, $"The body is not valid JSON (at most {options.MaxJsonDepth} levels deep): {FirstSentence(ex.Message)}");

    private static bool StartsWithArray(ReadOnlySpan<byte> body)
    {
        var start = body.IndexOfAnyExcept(" \t\r\n\uFEFF"u8);
        return start >= 0 && body[start] == (byte)'[';
    }

    // The common shape without a document: one pass to check the JSON and count the records, one to read them.
    private static RecordTableBuilder ReadRecordArray(ReadOnlySpan<byte> body, Served served, ServerOptions options)
    {
        var readerOptions = new JsonReaderOptions { MaxDepth = options.MaxJsonDepth };
        var reader = new Utf8JsonReader(SkipBom(body), readerOptions);
        var rows = 0;
        (int Row, JsonTokenType Token)? notObject = null;
        reader.Read();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                notObject ??= (rows, reader.TokenType);
            }

            reader.Skip();
            rows++;
        }

        while (reader.Read())
        {
            // Reading past the end throws on anything after the array: the whole body is valid JSON past this loop.
        }

        if (notObject is { } wrong)
        {
            throw new GangwayException(ErrorKind.Unreadable, $"Record {wrong.Row} is not a JSON object (it is {Describe(wrong.Token)}); each record must be an object of field names and values.");
        }

        var builder = new RecordTableBuilder(served, rows, options.MaxStringLength);
        reader = new Utf8JsonReader(SkipBom(body), readerOptions);
        reader.Read();
        Span<char> name = stackalloc char[MaxStackNameLength];
        for (var row = 0; row < rows; row++)
        {
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var column = reader.ValueIsEscaped || reader.ValueSpan.Length > MaxStackNameLength
                    ? served.Schema.IndexOf(reader.GetString()!)
                    : served.Schema.IndexOf(name[..reader.CopyString(name)]);
                var unknown = column < 0 ? reader.GetString()! : null;
                reader.Read();
                var value = FieldValue.From(ref reader);
                if (unknown is null)
                {
                    builder.Set(row, column, value);
                }
                else
                {
                    builder.NoteUnknown(unknown, row);
                }
            }
        }

        return builder;
    }

    private static ReadOnlySpan<byte> SkipBom(ReadOnlySpan<byte> body) => body.StartsWith("\uFEFF"u8) ? body[3..] : body;

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.Null => "null",
        _ => "a boolean",
    };

    private static RecordTableBuilder ReadRecords(JsonElement root, Served served, ServerOptions options)
    {
        var builder = new RecordTableBuilder(served, root.GetArrayLength(), options.MaxStringLength);
        var row = 0;
        foreach (var record in root.EnumerateArray())
        {
            if (record.ValueKind != JsonValueKind.Object)
            {
                throw new GangwayException(ErrorKind.Unreadable, $"Record {row} is not a JSON object (it is {Describe(record.ValueKind)}); each record must be an object of field names and values.");
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
                : throw new GangwayException(ErrorKind.Unreadable, "In a 'split' body every entry of 'columns' must be a column name (a string)."));
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
                throw new GangwayException(ErrorKind.Unreadable, $"Row {row} of 'data' must be an array of {names.Count} values, one per entry of 'columns'.");
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
