using System.CommandLine;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Gangway.Cli.Infrastructure;

/// <summary>What a command needs from its host: output streams, a logger, a console for tables and progress.</summary>
internal sealed class CliContext : IDisposable
{
    private readonly ILoggerFactory _loggerFactory;

    public CliContext(ParseResult parseResult, TextWriter output, TextWriter error, TimeProvider time)
    {
        Output = output;
        Error = error;
        Time = time;
        Verbose = parseResult.GetValue(GlobalOptions.Verbose);
        Quiet = parseResult.GetValue(GlobalOptions.Quiet);
        var json = parseResult.GetValue(GlobalOptions.LogFormat) == "json";
        var level = Verbose ? LogLevel.Debug : Quiet ? LogLevel.Warning : LogLevel.Information;
        _loggerFactory = CliLogging.CreateFactory(error, json, level);
        Logger = _loggerFactory.CreateLogger("gangway");
        Console = CreateConsole(output, ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected);
        ErrorConsole = CreateConsole(error, ReferenceEquals(error, System.Console.Error) && !System.Console.IsErrorRedirected);
        ShowProgress = !Quiet && !json && ErrorConsole.Profile.Capabilities.Interactive;
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public TimeProvider Time { get; }

    public bool Verbose { get; }

    public bool Quiet { get; }

    public bool ShowProgress { get; }

    public ILogger Logger { get; }

    /// <summary>Tables and summaries for people, on standard output.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Progress bars, on standard error so standard output stays clean for data.</summary>
    public IAnsiConsole ErrorConsole { get; }

    public void Dispose() => _loggerFactory.Dispose();

    // Colours and live progress only on a real terminal (and never with NO_COLOR); files and pipes get plain text.
    private static IAnsiConsole CreateConsole(TextWriter writer, bool terminal)
    {
        var colour = terminal && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = colour ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = 160;
        }

        return console;
    }
}
