using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Gangway.Server.Records;

/// <summary>
/// One JSON field value, read either from a <see cref="JsonElement"/> or straight from a <see cref="Utf8JsonReader"/>
/// (the fast path for arrays of records): its kind, its number when it is one, its string when it is one, and its JSON
/// text for numbers and booleans.
/// </summary>
internal readonly ref struct FieldValue
{
    public JsonValueKind Kind { get; init; }

    /// <summary>For <see cref="JsonValueKind.Number"/>: the value, or NaN when it is not a finite double.</summary>
    public double Number { get; init; }

    /// <summary>For <see cref="JsonValueKind.String"/>: the unescaped string.</summary>
    public string? Text { get; init; }

    /// <summary>For numbers and booleans: the JSON text, UTF-8.</summary>
    public ReadOnlySpan<byte> Utf8 { get; init; }

    /// <summary>The JSON text of a number or boolean.</summary>
    public string Raw => Encoding.UTF8.GetString(Utf8);

    /// <summary>
    /// The value for a numeric column: a finite JSON number, a numeric string, true/false as 1/0, null as missing (NaN);
    /// false for anything else.
    /// </summary>
    public bool TryGetNumber(out double number)
    {
        switch (Kind)
        {
            case JsonValueKind.Null:
                number = double.NaN;
                return true;
            case JsonValueKind.True:
                number = 1;
                return true;
            case JsonValueKind.False:
                number = 0;
                return true;
            case JsonValueKind.Number when double.IsFinite(Number):
                number = Number;
                return true;
            case JsonValueKind.String when double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number):
                return true;
            default:
                number = double.NaN;
                return false;
        }
    }

    /// <summary>The value for a text column: a string, the JSON text of a number or boolean, null as missing; false for an object or array.</summary>
    public bool TryGetText(out string? text)
    {
        text = Kind switch
        {
            JsonValueKind.String => Text,
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => Raw,
            _ => null,
        };
        return Kind is not (JsonValueKind.Object or JsonValueKind.Array);
    }

    public static FieldValue From(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => new FieldValue
        {
            Kind = JsonValueKind.Number,
            Number = element.TryGetDouble(out var number) ? number : double.NaN,
            Utf8 = Encoding.UTF8.GetBytes(element.GetRawText()),
        },
        JsonValueKind.String => new FieldValue { Kind = JsonValueKind.String, Text = element.GetString() },
        JsonValueKind.True or JsonValueKind.False => new FieldValue { Kind = element.ValueKind, Utf8 = Encoding.UTF8.GetBytes(element.GetRawText()) },
        _ => new FieldValue { Kind = element.ValueKind },
    };

    /// <summary>The value at the reader's current token; an object or array value is skipped whole.</summary>
    public static FieldValue From(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return new FieldValue
                {
                    Kind = JsonValueKind.Number,
                    Number = reader.TryGetDouble(out var number) ? number : double.NaN,
                    Utf8 = reader.ValueSpan,
                };
            case JsonTokenType.String:
                return new FieldValue { Kind = JsonValueKind.String, Text = reader.GetString() };
            case JsonTokenType.True:
                return new FieldValue { Kind = JsonValueKind.True, Utf8 = reader.ValueSpan };
            case JsonTokenType.False:
                return new FieldValue { Kind = JsonValueKind.False, Utf8 = reader.ValueSpan };
            case JsonTokenType.StartObject:
                reader.Skip();
                return new FieldValue { Kind = JsonValueKind.Object };
            case JsonTokenType.StartArray:
                reader.Skip();
                return new FieldValue { Kind = JsonValueKind.Array };
            default:
                return new FieldValue { Kind = JsonValueKind.Null };
        }
    }
}
