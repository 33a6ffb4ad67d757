using System.CommandLine;
using Gangway.Cli.Infrastructure;

namespace Gangway.Cli.Commands.Monitor;

/// <summary><c>gangway monitor</c>: how deployed models do, from the store.</summary>
internal static class MonitorCommand
{
    public static Command Create(CliHost host) => new("monitor", "How deployed models do: online metrics per variant from the prediction log and feedback, and drift against the training data.")
    {
        MonitorOnlineCommand.Create(host),
        MonitorDriftCommand.Create(host),
    };
}
