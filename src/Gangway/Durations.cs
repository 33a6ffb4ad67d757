using System.Globalization;
using System.Text.RegularExpressions;

namespace Gangway;

/// <summary>
/// Durations as operators write them, for retention, time windows and refresh intervals: a number and a unit,
/// <c>ms</c>, <c>s</c>, <c>m</c> (minutes), <c>h</c> or <c>d</c>, e.g. <c>500ms</c>, <c>5s</c>, <c>15m</c>, <c>24h</c>,
/// <c>30d</c>.
/// </summary>
public static partial class Durations
{
    /// <summary>Reads <paramref name="text"/>; false when it is not a number (up to 6 decimals) and a unit.</summary>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(text);
        duration = default;
        if (Pattern().Match(text.Trim()) is not { Success: true } match
            || !double.TryParse(match.Groups["number"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        duration = match.Groups["unit"].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(number),
            "s" => TimeSpan.FromSeconds(number),
            "m" => TimeSpan.FromMinutes(number),
            "h" => TimeSpan.FromHours(number),
            _ => TimeSpan.FromDays(number),
        };
        return true;
    }

    /// <summary>The positive duration <paramref name="text"/> names.</summary>
    /// <param name="text">The text, e.g. <c>30d</c>.</param>
    /// <param name="what">What it is for, for the message (e.g. <c>--older-than</c>).</param>
    /// <exception cref="GangwayException">It is not a positive number and a unit (<see cref="ErrorKind.InvalidInput"/>).</exception>
    public static TimeSpan Parse(string text, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var duration) && duration > TimeSpan.Zero
            ? duration
            : throw new GangwayException(ErrorKind.InvalidInput, $"{what} must be a duration such as 30d, 24h or 15m (a positive number and ms, s, m, h or d); it is '{text}'.");
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

        return TryParse(text, out var back) && back > TimeSpan.Zero
            ? now - back
            : throw new GangwayException(
                ErrorKind.InvalidInput, $"{what} must be a duration back from now (24h, 30d) or a date (2026-12-01, 2026-12-01T08:00:00Z); it is '{text}'.");
    }

    /// <summary>The shortest text <see cref="TryParse"/> reads back to the same duration.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The duration is not a whole number of milliseconds.</exception>
    public static string Format(TimeSpan duration) =>
        duration.Ticks % TimeSpan.TicksPerMillisecond != 0 ? throw new ArgumentOutOfRangeException(nameof(duration), "Durations are whole milliseconds.")
        : duration.Ticks % TimeSpan.TicksPerDay == 0 ? $"{(long)duration.TotalDays}d"
        : duration.Ticks % TimeSpan.TicksPerHour == 0 ? $"{(long)duration.TotalHours}h"
        : duration.Ticks % TimeSpan.TicksPerMinute == 0 ? $"{(long)duration.TotalMinutes}m"
        : duration.Ticks % TimeSpan.TicksPerSecond == 0 ? $"{(long)duration.TotalSeconds}s"
        : $"{(long)duration.TotalMilliseconds}ms";

    [GeneratedRegex(@"^(?<number>[0-9]{1,9}(\.[0-9]{1,6})?)(?<unit>ms|s|m|h|d)$")]
    private static partial Regex Pattern();
}
