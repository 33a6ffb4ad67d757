using System.Globalization;

namespace Gangway.Feedback;

/// <summary>Matches a given label to a model's class labels, so that <c>1</c>, <c>1.0</c>, <c>true</c> all mean class <c>1</c>.</summary>
internal static class FeedbackLabels
{
    /// <summary>The class <paramref name="label"/> means, spelled as the model spells it; null when it is none of them.</summary>
    public static string? Match(string label, IReadOnlyList<string> classes)
    {
        var trimmed = label.Trim();
        if ((classes.FirstOrDefault(c => string.Equals(c, trimmed, StringComparison.Ordinal))
            ?? classes.FirstOrDefault(c => string.Equals(c, trimmed, StringComparison.OrdinalIgnoreCase))) is { } spelled)
        {
            return spelled;
        }

        return Number(trimmed) is { } number ? classes.FirstOrDefault(c => Number(c) == number) : null;
    }

    /// <summary>A label of a model whose classes are not known: trimmed, and a number written the short way (1.0 is 1).</summary>
    public static string Tidy(string label)
    {
        var trimmed = label.Trim();
        return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number.ToString("R", CultureInfo.InvariantCulture)
            : trimmed;
    }

    private static double? Number(string text) =>
        text.Equals("true", StringComparison.OrdinalIgnoreCase) ? 1
        : text.Equals("false", StringComparison.OrdinalIgnoreCase) ? 0
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number
        : null;
}
