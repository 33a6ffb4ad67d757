using System.Text.Json;
using Gangway.Data;
using Gangway.Server.Serving;

namespace Gangway.Server.Records;

/// <summary>
/// Reads a <c>text/csv</c> body (RFC 4180, a header row, UTF-8) with the input columns' types; columns the model does
/// not use are ignored and an input column absent from the header is missing in every record (an id column absent
/// from the header is absent from every record, so it is neither checked nor echoed).
/// </summary>
internal static class CsvRecords
{
    public static RecordBatch Read(ReadOnlyMemory<byte> body, Served served)
    {
        var schema = served.Schema;
        var types = schema.Columns.ToDictionary(c => c.Name, c => c.Type, StringComparer.Ordinal);
        var options = new CsvReadOptions { ColumnTypes = types, ChunkSize = int.MaxValue, InvalidRows = InvalidRowPolicy.Skip };
        if (IsJson(body.Span))
        {
            // Compact JSON such as [{"Pclass":3,"Sex":"male"}] tokenizes into a header that may even name an input.
            throw new GangwayException(ErrorKind.Unreadable, $"The body is sent as text/csv but is JSON; send JSON as application/json. For CSV, {Expected(schema)}.");
        }

        CsvChunk? chunk;
        try
        {
            using var stream = new MemoryStream(body.ToArray(), writable: false);
            chunk = CsvReader.ReadChunks(stream, options).FirstOrDefault();
        }
        catch (GangwayException ex)
        {
            throw new GangwayException(ErrorKind.Unreadable, $"The body is not valid CSV: {ex.Message}");
        }

        if (chunk is null)
        {
            return new RecordBatch(Empty(schema), null, []);
        }

        if (!chunk.Table.ColumnNames.Any(n => schema.IndexOf(n) >= 0))
        {
            throw NoUsableHeader(body.Span, chunk.Table.ColumnNames, schema);
        }

        // Records are numbered in file order, counting the rows the reader set aside.
        var lines = chunk.Lines.Concat(chunk.Rejected.Select(r => r.Line)).Order().ToList();
        int RecordAt(long line) => lines.BinarySearch(line);
        var errors = chunk.Rejected.Select(r => ToError(r, RecordAt(r.Line), served)).ToList();
        foreach (var name in chunk.Table.ColumnNames.Where(n => schema.IndexOf(n) < 0))
        {
            if (schema.SuggestionFor(name) is { } suggestion)
            {
                errors.Add(new RecordError(null, name, "name", null, $"Column '{name}' is not an input of the model; did you mean '{suggestion}'? Names are case-sensitive."));
            }
        }

        var rows = chunk.Table.RowCount;
        var table = new Table(schema.Columns.Select(c => chunk.Table.TryGetColumn(c.Name, out var column) ? column : Missing(c, rows)));
        // An id column the header lacks is absent from every record: neither checked nor echoed.
        var given = new bool[]?[schema.Columns.Count];
        foreach (var id in schema.IdIndexes.Where(i => !chunk.Table.Contains(schema.Columns[i].Name)))
        {
            given[id] = new bool[rows];
        }

        return new RecordBatch(table, [.. chunk.Lines.Select(RecordAt)], errors, new IdPresence(given));
    }

    private static string Expected(RequestSchema schema) =>
        $"the first line must be a header naming the model's input columns ({NameList.Of(schema.Columns.Select(c => c.Name))})";

    // A JSON array or object, whole and valid: never a CSV file anyone meant to send.
    private static bool IsJson(ReadOnlySpan<byte> body)
    {
        var start = body.IndexOfAnyExcept(" \t\r\n\uFEFF"u8);
        if (start < 0 || body[start] is not ((byte)'[' or (byte)'{'))
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(body[start..], new JsonReaderOptions { MaxDepth = 256 });
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // Without one input column in the header every record would be empty: the first line is data, or the body is not CSV.
    private static GangwayException NoUsableHeader(ReadOnlySpan<byte> body, IEnumerable<string> header, RequestSchema schema)
    {
        var expected = Expected(schema);
        var start = body.IndexOfAnyExcept(" \t\r\n\uFEFF"u8);
        if (start >= 0 && body[start] is (byte)'[' or (byte)'{')
        {
            return new GangwayException(ErrorKind.Unreadable, $"The body is sent as text/csv but looks like JSON; send JSON as application/json. For CSV, {expected}.");
        }

        // Its fields are not echoed: a first line with no column name in it is likely a record, which may hold personal data.
        return new GangwayException(ErrorKind.Unreadable, $"The CSV header names none of the model's input columns; {expected}. The first line has {header.Count()} field(s), none of them an input column.");
    }

    private static RecordError ToError(RowError error, int record, Served served)
    {
        var field = error.Column ?? "";
        var problem = served.Mask.UnreadProblem(error.Column, error.Problem);
        return new RecordError(record, field, "type", null, error.Column is null ? $"Record {record}: {problem}." : $"Field '{field}' of record {record}: {problem}.");
    }

    private static Table Empty(RequestSchema schema) => new(schema.Columns.Select(c => Missing(c, 0)));

    private static Column Missing(Bundles.InputColumn column, int rows)
    {
        if (column.Type == ColumnType.Numeric)
        {
            var values = new double[rows];
            Array.Fill(values, double.NaN);
            return new NumericColumn(column.Name, values);
        }

        return new TextColumn(column.Name, new string?[rows]);
    }
}
