using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Gangway.Hosting;

/// <summary>
/// How every Gangway host logs: events on standard error in one of the <see cref="LogFormats"/>, at a level chosen by
/// the same <c>--verbose</c> / <c>--quiet</c> switches. A command logs through <see cref="LineLogging"/>; the service
/// through <see cref="AddServiceLogging"/>, configured by <c>Gangway:LogFormat</c> and <c>Logging:LogLevel</c>, which
/// <see cref="ServiceSettings"/> fills from the command's switches when <c>gangway serve</c> starts it.
/// </summary>
public static class HostLogging
{
    /// <summary>The configuration key of the service's log format.</summary>
    public const string FormatKey = "Gangway:LogFormat";

    private const string HostingDiagnosticsCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    private const string FrameworkCategory = "Microsoft.AspNetCore";

    /// <summary>The least level logged: debug detail with <paramref name="verbose"/>, warnings and errors only with <paramref name="quiet"/>.</summary>
    public static LogLevel MinimumLevel(bool verbose, bool quiet) =>
        verbose ? LogLevel.Debug : quiet ? LogLevel.Warning : LogLevel.Information;

    /// <summary>
    /// The service settings for a command's logging switches, as configuration key/value pairs: on the command line they
    /// win over appsettings and the environment. The format only when <paramref name="format"/> is given, so
    /// <c>Gangway__LogFormat</c> in the environment still counts otherwise. Quiet keeps warnings and errors only (so no
    /// access lines); verbose adds debug events, ASP.NET Core's included.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> ServiceSettings(string? format, bool verbose, bool quiet)
    {
        if (format is not null)
        {
            yield return new(FormatKey, format);
        }

        if (verbose)
        {
            yield return new("Logging:LogLevel:Default", "Debug");
            yield return new($"Logging:LogLevel:{FrameworkCategory}", "Debug");
        }
        else if (quiet)
        {
            yield return new("Logging:LogLevel:Default", "Warning");
        }
    }

    /// <summary>
    /// The service's logging: console logs on standard error as single text lines or JSON lines (the format read lazily
    /// from <paramref name="configuration"/>, so settings added after this call, such as the command line's or a test's,
    /// count). Requests are logged by the service's own access log: ASP.NET Core's per-request events (endpoint
    /// executing/executed, results written) are Information, so <c>Microsoft.AspNetCore</c> starts at Warning, a rule
    /// put first so a <c>Logging:LogLevel:Microsoft.AspNetCore</c> setting still wins. The host's request log is off
    /// altogether, which also spares every request the Activity the host would otherwise start for it (a tracing
    /// listener, such as OpenTelemetry's, still gets its activities).
    /// </summary>
    public static IServiceCollection AddServiceLogging(IServiceCollection services, IConfiguration configuration)
    {
        services.AddLogging(logging => logging.AddConsole().AddFilter(HostingDiagnosticsCategory, LogLevel.None));
        services.Configure<LoggerFilterOptions>(filters => filters.Rules.Insert(0, new LoggerFilterRule(null, FrameworkCategory, LogLevel.Warning, null)));
        services.AddOptions<ConsoleLoggerOptions>().Configure(console =>
        {
            console.LogToStandardErrorThreshold = LogLevel.Trace;
            // A stalled standard error must not hold up the requests that log a warning either.
            console.QueueFullMode = ConsoleLoggerQueueFullMode.DropWrite;
            console.FormatterName = string.Equals(configuration[FormatKey], LogFormats.Json, StringComparison.Ordinal)
                ? ConsoleFormatterNames.Json
                : ConsoleFormatterNames.Simple;
        });
        services.Configure<SimpleConsoleFormatterOptions>(text =>
        {
            text.SingleLine = true;
            text.UseUtcTimestamp = true;
            text.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });
        services.Configure<JsonConsoleFormatterOptions>(json =>
        {
            json.UseUtcTimestamp = true;
            json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        return services;
    }
}
