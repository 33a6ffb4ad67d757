using System.Text.Json;
using System.Text.Unicode;
using Gangway.Pipelines;
using Gangway.Server.Hosting;
using Gangway.Server.Records;

namespace Gangway.Server.Predict;

/// <summary>
/// The fast path for the most common request: one record (<c>{...}</c> or <c>[{...}]</c>) of plain values, read in one
/// pass straight into the slots of a <see cref="RowValues"/>; fields that are not inputs are skipped, as the general
/// reader does. Anything else (several records, a nested input value, a field name whose case is wrong, a value of the
/// wrong type, an over-long string, invalid JSON) returns false, and
/// <see cref="JsonRecords"/> reads the body again with its full error reporting.
/// </summary>
internal static class SingleRecordReader
{
    private const int MaxNameLength = 128;

    /// <summary>Fills <paramref name="row"/> from <paramref name="body"/>; false when the body is not one plain, well-typed record.</summary>
    public static bool TryRead(ReadOnlySpan<byte> body, RequestSchema schema, ServerOptions options, RowValues row)
    {
        try
        {
            return Read(body, schema, options, row);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string escape that is not valid UTF-16, which the general reader reports.
            return false;
        }
    }

    private static bool Read(ReadOnlySpan<byte> body, RequestSchema schema, ServerOptions options, RowValues row)
    {
        if (!Utf8.IsValid(body))
        {
            return false;
        }

        var reader = new Utf8JsonReader(body.StartsWith("\uFEFF"u8) ? body[3..] : body, new JsonReaderOptions { MaxDepth = options.MaxJsonDepth });
        reader.Read();
        var inArray = reader.TokenType == JsonTokenType.StartArray;
        if ((inArray && !reader.Read()) || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        Span<char> name = stackalloc char[MaxNameLength];
        var column = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // Clients usually send the fields in the model's order: try the next column's name before a lookup.
            var next = column + 1;
            if (next < schema.Utf8Names.Count && reader.ValueTextEquals(schema.Utf8Names[next]))
            {
                column = next;
            }
            else if (reader.ValueSpan.Length <= MaxNameLength)
            {
                var text = name[..reader.CopyString(name)];
                var found = schema.IndexOf(text);
                if (found < 0)
                {
                    // A field that is not an input is ignored, unless only its case is wrong (the general path reports
                    // that). In a lone object, a nested value may make it a pandas 'split' or 'columns' body instead.
                    if (schema.MatchesIgnoringCase(text) || !reader.Read()
                        || (!inArray && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray))
                    {
                        return false;
                    }

                    SkipValue(ref reader);
                    continue;
                }

                column = found;
            }
            else
            {
                return false;
            }

            if (!reader.Read() || reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                return false;
            }

            var value = FieldValue.From(ref reader);
            if (value.Kind == JsonValueKind.String && value.Text!.Length > options.MaxStringLength)
            {
                return false;
            }

            if (schema.IsNumeric(column))
            {
                if (!value.TryGetNumber(out var number))
                {
                    return false;
                }

                row.SetNumber(column, number);
            }
            else
            {
                if (!value.TryGetText(out var text))
                {
                    return false;
                }

                row.SetText(column, text);
            }
        }

        if (inArray && (!reader.Read() || reader.TokenType != JsonTokenType.EndArray))
        {
            return false;
        }

        // Past the record only whitespace may follow; anything else throws, and the general reader reports it.
        return !reader.Read();
    }

    // A field that is not an input is skipped, but its strings are still decoded: one the general reader cannot read
    // (an escape that is not valid UTF-16) throws here too, so the body is rejected whichever reader saw it.
    private static void SkipValue(ref Utf8JsonReader reader)
    {
        var depth = reader.CurrentDepth;
        DecodeEscaped(ref reader);
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            while (reader.Read() && reader.CurrentDepth > depth)
            {
                DecodeEscaped(ref reader);
            }
        }
    }

    private static void DecodeEscaped(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
        {
            _ = reader.GetString();
        }
    }
}
