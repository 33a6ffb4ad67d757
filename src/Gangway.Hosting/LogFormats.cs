namespace Gangway.Hosting;

/// <summary>The log formats every Gangway host writes: the CLI's <c>--log-format</c> and the service's <c>Gangway:LogFormat</c>.</summary>
public static class LogFormats
{
    /// <summary>Readable text lines.</summary>
    public const string Text = "text";

    /// <summary>One JSON object per line, for log shippers.</summary>
    public const string Json = "json";

    /// <summary>Every format, in the order help texts list them.</summary>
    public static IReadOnlyList<string> All { get; } = [Text, Json];

    /// <summary>Whether <paramref name="format"/> names a format (case-sensitive, as the options are).</summary>
    public static bool IsKnown(string? format) => format is Text or Json;
}
