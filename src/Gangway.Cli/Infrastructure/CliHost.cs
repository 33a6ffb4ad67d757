using System.CommandLine;
using Gangway.Stores;

namespace Gangway.Cli.Infrastructure;

/// <summary>
/// Runs a command body with the house error policy: a <see cref="GangwayException"/> becomes one clear line on standard
/// error and the exit code for its kind; anything else is an unexpected failure (exit 1), with a stack trace only when verbose.
/// </summary>
internal sealed class CliHost(TextWriter output, TextWriter error, TimeProvider time, StoreCatalog stores, GangwayCatalog? catalog = null)
{
    /// <summary>The steps, learners, transformer loaders and parsers every command uses, built once for the process.</summary>
    public GangwayCatalog Catalog { get; } = catalog ?? GangwayCatalog.BuiltIn;

    /// <summary>The store kinds <c>--store</c> can name.</summary>
    public StoreCatalog Stores { get; } = stores;

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>Runs a synchronous command body (one that needs no store).</summary>
    // The body is synchronous and the CLI has no synchronisation context, so waiting on the wrapper cannot deadlock.
    public int Execute(ParseResult parseResult, Func<CliContext, int> body) =>
        ExecuteAsync(parseResult, context => Task.FromResult(body(context)), CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Runs an asynchronous command body, e.g. one that reads or writes the store.</summary>
    public async Task<int> ExecuteAsync(ParseResult parseResult, Func<CliContext, Task<int>> body, CancellationToken cancellationToken)
    {
        var context = new CliContext(parseResult, Output, Error, time, Stores, Catalog);
        await using var _ = context;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            return await body(context);
        }
        catch (GangwayException ex)
        {
            Error.WriteLine($"error: {ex.Message}");
            if (context.Verbose)
            {
                Error.WriteLine(ex);
            }

            return ExitCodes.For(ex.Kind);
        }
        catch (OperationCanceledException)
        {
            Error.WriteLine("error: cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Error.WriteLine($"error: {ex.Message}");
            if (context.Verbose)
            {
                Error.WriteLine(ex);
            }

            return ExitCodes.InvalidInput;
        }
#pragma warning disable CA1031 // The host is the last line: an unexpected failure is reported in one line, not a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Error.WriteLine($"error: unexpected failure ({ex.GetType().Name}): {FirstLine(ex.Message)}{(context.Verbose ? "" : " (run with --verbose for details)")}");
            if (context.Verbose)
            {
                Error.WriteLine(ex);
            }

            return ExitCodes.Unexpected;
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.AsSpan().IndexOfAny('\r', '\n');
        return end < 0 ? message : message[..end];
    }
}
