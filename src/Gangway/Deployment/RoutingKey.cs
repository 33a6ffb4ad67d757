using System.Text.Json;
using Gangway.PredictionLog;

namespace Gangway.Deployment;

/// <summary>
/// The canonical text of a routing key for <see cref="StickyRouter"/>, so that one customer is one key however the
/// value arrives: a header's text trimmed; a record field's number in its shortest invariant form (<c>892</c>,
/// <c>892.0</c> and <c>"892"</c> are all <c>892</c>); other text trimmed; true and false in lower case. A missing, null or
/// blank value is no key (null): the request is then routed at random by weight. Two values that share a canonical text
/// only share a variant, which is harmless.
/// </summary>
public static class RoutingKey
{
    /// <summary>The key in a header value, or null when it is missing or blank.</summary>
    public static string? FromHeader(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The key of a numeric field value, or null when it is missing (NaN) or infinite.</summary>
    /// <remarks>The same text as the prediction log's keys (<see cref="PredictionKey"/>): whole numbers below 2^53 without a fraction, -0 as 0.</remarks>
    public static string? FromNumber(double value)
    {
        Span<char> text = stackalloc char[PredictionKey.MaxNumberLength];
        return PredictionKey.TryFormatNumber(value, text, out var length) ? new string(text[..length]) : null;
    }

    /// <summary>The key of a text field value: a number written in it canonically, else the trimmed text; null when blank.</summary>
    public static string? FromText(string? value) => PredictionKey.CanonicalText(value);

    /// <summary>The key of a JSON field value; null for null, an object or an array.</summary>
    public static string? FromJson(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.TryGetDouble(out var number) ? FromNumber(number) : FromText(value.GetRawText()),
        JsonValueKind.String => FromText(value.GetString()),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };
}
