using System.Globalization;
using Gangway.Data;

namespace Gangway.Parsing;

/// <summary>Span helpers for cleaning and converting one source value.</summary>
internal static class ValueText
{
    private const int StackChars = 128;

    /// <summary>Trims whitespace (including non-breaking spaces U+00A0, U+2007, U+202F), BOMs and zero-width spaces.</summary>
    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && IsBlank(text[start]))
        {
            start++;
        }

        while (end > start && IsBlank(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    /// <summary>
    /// Parses a finite number written with <paramref name="decimalSeparator"/>; <paramref name="thousands"/>, when
    /// given, is removed wherever it appears. With a decimal comma, a '.' that is not the thousands separator is invalid.
    /// </summary>
    public static bool TryParseNumber(ReadOnlySpan<char> text, char decimalSeparator, char? thousands, out double value)
    {
        Span<char> buffer = text.Length <= StackChars ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (c == thousands)
            {
                continue;
            }

            if (c == decimalSeparator)
            {
                buffer[length++] = '.';
            }
            else if (c is '.' or ',')
            {
                value = double.NaN;
                return false;
            }
            else
            {
                buffer[length++] = c;
            }
        }

        var canonical = buffer[..length];
        return TryParseInvariant(canonical, out value);
    }

    /// <summary>Parses a finite invariant-culture number.</summary>
    public static bool TryParseInvariant(ReadOnlySpan<char> text, out double value) =>
        FastNumber.TryParse(text, out value)
        || (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value));

    /// <summary>A value as shown in messages, shortened when long.</summary>
    public static string Show(ReadOnlySpan<char> text) => text.Length <= 60 ? new string(text) : $"{text[..57]}...";

    private static bool IsBlank(char c) => char.IsWhiteSpace(c) || c is '\uFEFF' or '\u200B';
}
