using System.CommandLine;
using System.CommandLine.Help;
using Gangway.Cli.Commands;
using Gangway.Cli.Infrastructure;
using Gangway.Hosting;
using Gangway.Stores;

namespace Gangway.Cli;

/// <summary>Builds the gangway command tree and runs it against the given output streams.</summary>
internal static class CliApp
{
    public static Command BuildRoot(CliHost host)
    {
        // Not RootCommand: it names itself after the entry assembly, so help would say "Gangway.Cli" instead of the tool's command.
        var root = new Command("gangway", "Gangway: train, evaluate, score and inspect tabular machine-learning models.")
        {
            new HelpOption(),
            new VersionOption { Action = new CliVersion() },
            GlobalOptions.Verbose,
            GlobalOptions.Quiet,
            GlobalOptions.LogFormat,
            GlobalOptions.Store,
            TrainCommand.Create(host),
            EvaluateCommand.Create(host),
            CompareCommand.Create(host),
            PredictCommand.Create(host),
            CrossValidateCommand.Create(host),
            InspectCommand.Create(host),
            ValidateCommand.Create(host),
            SchemaCommand.Create(host),
            ParseCommand.Create(host),
            ServeCommand.Create(host),
            Commands.Runs.RunsCommand.Create(host),
            Commands.Models.ModelsCommand.Create(host),
            Commands.Deploy.DeployCommand.Create(host),
            Commands.Log.LogCommand.Create(host),
            Commands.Feedback.FeedbackCommand.Create(host),
            Commands.Monitor.MonitorCommand.Create(host),
            TuneCommand.Create(host),
            UpsellCheckCommand.Group(host),
        };
        return root;
    }

    /// <summary>The store kinds <c>--store</c> can name.</summary>
    public static StoreCatalog Stores() => HostStores.Catalog();

    public static int Run(string[] args, TextWriter output, TextWriter error, TimeProvider? time = null)
    {
        var host = new CliHost(output, error, time ?? TimeProvider.System, Stores());
        var parseResult = BuildRoot(host).Parse(args);
        if (parseResult.Errors.Count > 0 && parseResult.Action is not HelpAction)
        {
            // A near miss is the likely cause of every other error (a required option "missing", a stray value): say only that.
            if (DidYouMean.Suggest(parseResult) is { } suggestion)
            {
                error.WriteLine($"error: {suggestion}");
            }
            else
            {
                foreach (var parseError in parseResult.Errors)
                {
                    error.WriteLine($"error: {parseError.Message}");
                }
            }

            error.WriteLine($"Run '{DidYouMean.Path(parseResult.CommandResult)} --help' for usage.");
            return ExitCodes.Usage;
        }

        // No termination handling by System.CommandLine for the async actions: Ctrl+C and SIGTERM end the process as they
        // did with synchronous actions (TemporaryOutputs cleans up its files), instead of waiting for the action.
        return parseResult.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
    }
}
