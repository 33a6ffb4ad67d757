using System.CommandLine;
using Gangway.Cli.Infrastructure;

namespace Gangway.Cli.Commands.Log;

/// <summary><c>gangway log</c>: the prediction log in the store.</summary>
internal static class LogCommand
{
    public static Command Create(CliHost host) => new("log", "The prediction log: export what the models predicted, prune what is past retention.")
    {
        LogExportCommand.Create(host),
        LogPruneCommand.Create(host),
    };
}
