using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Gangway.PredictionLog;

/// <summary>
/// The one text a business key is stored and looked up by, whatever form its values arrived in: a compact JSON object
/// of the id columns sorted by name (ordinal), each value as text. Numbers are written in the invariant culture without
/// a trailing <c>.0</c>, so 892, 892.0, "892" and "892.0" are all <c>{"PassengerId":"892"}</c>; other text is trimmed.
/// The log's writer and feedback lookup both use it, so a key sent as a JSON number matches one read from CSV text.
/// </summary>
public static class PredictionKey
{
    // Integral doubles below 2^53 are exact, so they can be written as integers without losing anything.
    private const double LargestExactInteger = 9_007_199_254_740_992d;

    /// <summary>
    /// The canonical text of a key, or null when there are no columns or any column's value is missing (null or blank),
    /// since such a key cannot name one record.
    /// </summary>
    /// <param name="columns">The id columns' names and values: text, numbers, booleans or JSON elements.</param>
    public static string? Canonical(IEnumerable<KeyValuePair<string, object?>> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in columns)
        {
            if (ValueText(value) is not { Length: > 0 } text)
            {
                return null;
            }

            values[name] = text;
        }

        if (values.Count == 0)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (name, text) in values)
            {
                json.WriteString(name, text);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The canonical text of a one-column key.</summary>
    public static string? Canonical(string column, object? value) => Canonical([new KeyValuePair<string, object?>(column, value)]);

    private static string? ValueText(object? value) => value switch
    {
        null => null,
        string text => TextValue(text),
        bool flag => flag ? "true" : "false",
        double number => NumberText(number),
        float number => NumberText(number),
        decimal number => TextValue(number.ToString(CultureInfo.InvariantCulture)),
        JsonElement element => ElementText(element),
        IConvertible convertible when IsInteger(convertible) => convertible.ToString(CultureInfo.InvariantCulture),
        _ => TextValue(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    private static string? ElementText(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => TextValue(element.GetString()),
        JsonValueKind.Number => TextValue(element.GetRawText()),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => element.GetRawText(),
    };

    private static string? TextValue(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return integer.ToString(CultureInfo.InvariantCulture);
        }

        return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? NumberText(number)
            : trimmed;
    }

    private static string? NumberText(double number)
    {
        Span<char> text = stackalloc char[MaxNumberLength];
        return TryFormatNumber(number, text, out var length) ? new string(text[..length]) : null;
    }

    /// <summary>The longest text <see cref="TryFormatNumber"/> writes ("R" format of a double, sign and exponent included).</summary>
    internal const int MaxNumberLength = 32;

    /// <summary>
    /// Writes a key's number as the canonical text does (integral values below 2^53 as integers, others round-trip, in
    /// the invariant culture) without making a string; false for a missing (non-finite) number, which no key can hold.
    /// </summary>
    internal static bool TryFormatNumber(double number, Span<char> destination, out int length)
    {
        length = 0;
        return double.IsFinite(number) && (Math.Abs(number) < LargestExactInteger && number == Math.Floor(number)
            ? ((long)number).TryFormat(destination, out length, default, CultureInfo.InvariantCulture)
            : number.TryFormat(destination, out length, "R", CultureInfo.InvariantCulture));
    }

    /// <summary>The canonical text of a key's text value: trimmed, a number written as <see cref="TryFormatNumber"/> does; null when blank.</summary>
    internal static string? CanonicalText(string? text) => TextValue(text);

    private static bool IsInteger(IConvertible value) => value.GetTypeCode() is
        TypeCode.SByte or TypeCode.Byte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64;
}
