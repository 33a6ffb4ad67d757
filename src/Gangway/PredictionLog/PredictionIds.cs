using System.Globalization;

namespace Gangway.PredictionLog;

/// <summary>
/// Prediction (and feedback) ids: version 7 GUIDs as 32 lowercase hex digits. Their first 48 bits are the Unix time in
/// milliseconds, so ids sort by time and an id alone tells when its prediction was made (and so whether feedback for
/// it is later than the log's retention).
/// </summary>
public static class PredictionIds
{
    private const int Length = 32;

    /// <summary>A new id for something made at <paramref name="time"/>'s current time.</summary>
    public static string New(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return Format(Guid.CreateVersion7(time.GetUtcNow()));
    }

    /// <summary>The text form of an id made with <see cref="Guid.CreateVersion7(DateTimeOffset)"/>: 32 lowercase hex digits.</summary>
    public static string Format(Guid id) => id.ToString("N");

    /// <summary>Whether <paramref name="id"/> has the form of an id this class makes (32 hex digits, version 7).</summary>
    public static bool IsValid(string? id) =>
        id is { Length: Length } && id.All(char.IsAsciiHexDigit) && id[12] == '7';

    /// <summary>When the id was made (millisecond precision), or null when it is not a valid id.</summary>
    public static DateTimeOffset? TimeOf(string? id)
    {
        if (!IsValid(id))
        {
            return null;
        }

        var milliseconds = long.Parse(id.AsSpan(0, 12), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
    }

    /// <summary>The canonical (lowercase) form of a valid id.</summary>
    internal static string Normalize(string id) => id.ToLowerInvariant();
}
