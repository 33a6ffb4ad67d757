using System.CommandLine;
using Gangway.Hosting;

namespace Gangway.Cli.Infrastructure;

/// <summary>Options every command accepts.</summary>
internal static class GlobalOptions
{
    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Log debug detail, and show stack traces for unexpected errors.",
        Recursive = true,
    };

    public static readonly Option<bool> Quiet = new("--quiet", "-q")
    {
        Description = "Log warnings and errors only; no progress bars.",
        Recursive = true,
    };

    public static readonly Option<string> LogFormat = CreateLogFormat();

    public static readonly Option<string?> Store = new("--store")
    {
        Description = "The model store: sqlite:<path> or postgresql://user[:password]@host[:port]/database. Default: $GANGWAY_STORE, else sqlite:.gangway/gangway.db in the working directory.",
        Recursive = true,
    };

    private static Option<string> CreateLogFormat()
    {
        var option = new Option<string>("--log-format")
        {
            Description = "Log format on standard error: 'text' for people, 'json' (one object per line) for log shippers.",
            DefaultValueFactory = _ => LogFormats.Text,
            Recursive = true,
        };
        option.AcceptOnlyFromAmong([.. LogFormats.All]);
        return option;
    }
}
