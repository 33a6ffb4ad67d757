using System.Globalization;

namespace Gangway.PredictionLog;

/// <summary>
/// Durations as operators write them for retention and time windows: a whole number and a unit, <c>d</c> (days),
/// <c>h</c> (hours), <c>m</c> (minutes) or <c>s</c> (seconds), e.g. <c>30d</c>, <c>24h</c>, <c>15m</c>.
/// </summary>
public static class Durations
{
    /// <summary>The duration <paramref name="text"/> names.</summary>
    /// <param name="text">The text, e.g. <c>30d</c>.</param>
    /// <param name="what">What it is for, for the message (e.g. <c>--older-than</c>).</param>
    /// <exception cref="GangwayException">It is not a positive whole number and a unit (<see cref="ErrorKind.InvalidInput"/>).</exception>
    public static TimeSpan Parse(string text, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Length >= 2
            && int.TryParse(trimmed.AsSpan(0, trimmed.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count > 0)
        {
            switch (trimmed[^1])
            {
                case 'd': return TimeSpan.FromDays(count);
                case 'h': return TimeSpan.FromHours(count);
                case 'm': return TimeSpan.FromMinutes(count);
                case 's': return TimeSpan.FromSeconds(count);
            }
        }

        throw new GangwayException(ErrorKind.InvalidInput, $"{what} must be a duration such as 30d, 24h or 15m (a whole number and d, h, m or s); it is '{text}'.");
    }

    /// <summary>
    /// A point in time given either as a duration back from <paramref name="now"/> (<c>24h</c>: a day ago) or as a date or
    /// date and time (<c>2026-12-01</c>, <c>2026-12-01T08:00:00Z</c>; UTC unless an offset is given).
    /// </summary>
    /// <exception cref="GangwayException">It is neither (<see cref="ErrorKind.InvalidInput"/>).</exception>
    public static DateTimeOffset PointInTime(string text, DateTimeOffset now, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        try
        {
            return now - Parse(text, what);
        }
        catch (GangwayException)
        {
            throw new GangwayException(
                ErrorKind.InvalidInput, $"{what} must be a duration back from now (24h, 30d) or a date (2026-12-01, 2026-12-01T08:00:00Z); it is '{text}'.");
        }
    }
}
