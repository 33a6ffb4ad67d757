using System.CommandLine;
using Gangway.Hosting;
using Gangway.Registry;
using Gangway.Stores;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Gangway.Cli.Infrastructure;

/// <summary>What a command needs from its host: output streams, a logger, a console for tables and progress.</summary>
internal sealed class CliContext : IAsyncDisposable
{
    private readonly ILoggerFactory _loggerFactory;
    private readonly StoreCatalog _stores;
    private readonly string? _storeUri;
    private IStore? _store;

    public CliContext(ParseResult parseResult, TextWriter output, TextWriter error, TimeProvider time, StoreCatalog stores, GangwayCatalog catalog)
    {
        Catalog = catalog;
        _stores = stores;
        _storeUri = parseResult.GetValue(GlobalOptions.Store);
        Output = output;
        Error = error;
        Time = time;
        Verbose = parseResult.GetValue(GlobalOptions.Verbose);
        Quiet = parseResult.GetValue(GlobalOptions.Quiet);
        var format = parseResult.GetValue(GlobalOptions.LogFormat)!;
        var json = format == LogFormats.Json;
        _loggerFactory = LineLogging.CreateFactory(error, format, HostLogging.MinimumLevel(Verbose, Quiet));
        Logger = _loggerFactory.CreateLogger("gangway");
        Console = CreateConsole(output, ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected);
        ErrorConsole = CreateConsole(error, ReferenceEquals(error, System.Console.Error) && !System.Console.IsErrorRedirected);
        ShowProgress = !Quiet && !json && ErrorConsole.Profile.Capabilities.Interactive;
    }

    /// <summary>The steps, learners, transformer loaders and parsers to read specs, bundles and data with.</summary>
    public GangwayCatalog Catalog { get; }

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

    /// <summary>The store <c>--store</c> names (else <c>GANGWAY_STORE</c>, else the default), opened on first use.</summary>
    public async Task<IStore> OpenStoreAsync(CancellationToken cancellationToken) =>
        _store ??= await _stores.OpenAsync(_storeUri, cancellationToken);

    /// <summary>
    /// The bundle file a <c>--model</c> value names: a path as it is, or a registry reference (<c>titanic@champion</c>,
    /// <c>titanic:3</c>) resolved in the store and cached locally.
    /// </summary>
    public async Task<string> ResolveModelAsync(string pathOrReference, CancellationToken cancellationToken) =>
        (await ResolveModelVersionAsync(pathOrReference, cancellationToken)).Path;

    /// <summary>Like <see cref="ResolveModelAsync"/>, with the registered version a reference names (null for a file path).</summary>
    public async Task<(string Path, ModelVersionRecord? Version)> ResolveModelVersionAsync(string pathOrReference, CancellationToken cancellationToken)
    {
        if (!ModelReference.TryParse(pathOrReference, out var reference))
        {
            return (pathOrReference, null);
        }

        var store = await OpenStoreAsync(cancellationToken);
        var version = await RegistryBundles.FindVersionAsync(store.Registry, reference!, cancellationToken);
        Logger.ResolvedModel(pathOrReference, version.Reference, version.RunId);
        return (await RegistryBundles.MaterializeAsync(store.Registry, version, null, cancellationToken), version);
    }

    /// <summary>
    /// Whether the store may hold something: one was named (<c>--store</c>, <c>GANGWAY_STORE</c>) or the default file
    /// exists. Lets a command that only looks things up avoid creating the default store as a side effect.
    /// </summary>
    public bool StoreMayExist =>
        _store is not null
        || StoreCatalog.ChooseUri(_storeUri) != StoreCatalog.DefaultUri
        || File.Exists(StoreCatalog.DefaultUri["sqlite:".Length..]);

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        _loggerFactory.Dispose();
    }

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
