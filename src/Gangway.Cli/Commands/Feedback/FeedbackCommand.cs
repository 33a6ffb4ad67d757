using System.CommandLine;
using Gangway.Cli.Infrastructure;

namespace Gangway.Cli.Commands.Feedback;

/// <summary><c>gangway feedback</c>: outcomes and rewards for logged predictions.</summary>
internal static class FeedbackCommand
{
    public static Command Create(CliHost host) => new("feedback", "Outcomes and rewards for logged predictions, for online metrics.")
    {
        FeedbackImportCommand.Create(host),
    };
}
