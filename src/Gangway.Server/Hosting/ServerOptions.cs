namespace Gangway.Server.Hosting;

/// <summary>
/// Settings of the prediction service, bound from the <c>Gangway</c> configuration section (appsettings.json,
/// environment variables such as <c>Gangway__Model</c>, or command-line arguments such as <c>--Gangway:Model</c>) and
/// checked at start-up by <see cref="ServerOptionsValidator"/>.
/// </summary>
public sealed class ServerOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string Section = "Gangway";

    /// <summary>The default <see cref="MaxBodyBytes"/>: 1 MiB, about 5,000 Titanic records as JSON.</summary>
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>The path of the model bundle (.gwb) to serve. Required.</summary>
    public string? Model { get; set; }

    /// <summary>The largest request body accepted, in bytes; larger bodies are answered with 413. Default 1 MiB.</summary>
    public long MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    /// <summary>The deepest JSON nesting accepted; deeper bodies are answered with 400. Default 8 (a split body needs 3).</summary>
    public int MaxJsonDepth { get; set; } = 8;

    /// <summary>The longest string value accepted in a record, in characters; longer values are answered with 400. Default 10,000.</summary>
    public int MaxStringLength { get; set; } = 10_000;

    /// <summary>
    /// How console logs are written: <c>text</c> (the default, one readable line per event) or <c>json</c> (one JSON
    /// object per line, for log collectors).
    /// </summary>
    public string LogFormat { get; set; } = LogFormats.Text;
}

/// <summary>The values of <see cref="ServerOptions.LogFormat"/>.</summary>
public static class LogFormats
{
    /// <summary>Readable text lines (the console's simple formatter).</summary>
    public const string Text = "text";

    /// <summary>One JSON object per line (the console's JSON formatter).</summary>
    public const string Json = "json";
}
