using System.CommandLine;
using Gangway.Cli.Infrastructure;

namespace Gangway.Cli.Commands.Runs;

/// <summary><c>gangway runs</c>: the tracked runs in the store.</summary>
internal static class RunsCommand
{
    public static Command Create(CliHost host) => new("runs", "List, show and compare tracked runs (training, cross-validation, tuning).")
    {
        RunsListCommand.Create(host),
        RunsShowCommand.Create(host),
        RunsCompareCommand.Create(host),
    };
}
