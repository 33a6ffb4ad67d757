using System.Globalization;
using System.Text.RegularExpressions;

namespace Gangway.Deployment;

/// <summary>Durations as a number and a unit: <c>500ms</c>, <c>5s</c>, <c>1.5m</c>, <c>2h</c>, <c>30d</c>.</summary>
internal static partial class Durations
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
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

    /// <summary>The shortest text <see cref="TryParse"/> reads back to the same duration.</summary>
    public static string Format(TimeSpan duration) =>
        duration.Ticks % TimeSpan.TicksPerMillisecond != 0 ? throw new ArgumentOutOfRangeException(nameof(duration), "Durations are whole milliseconds.")
        : duration.Ticks % TimeSpan.TicksPerHour == 0 ? $"{(long)duration.TotalHours}h"
        : duration.Ticks % TimeSpan.TicksPerMinute == 0 ? $"{(long)duration.TotalMinutes}m"
        : duration.Ticks % TimeSpan.TicksPerSecond == 0 ? $"{(long)duration.TotalSeconds}s"
        : $"{(long)duration.TotalMilliseconds}ms";

    [GeneratedRegex(@"^(?<number>[0-9]{1,9}(\.[0-9]{1,6})?)(?<unit>ms|s|m|h|d)$")]
    private static partial Regex Pattern();
}
