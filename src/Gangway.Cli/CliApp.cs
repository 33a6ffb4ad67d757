using System.CommandLine;
using Gangway.Cli.Commands;
using Gangway.Cli.Infrastructure;

namespace Gangway.Cli;

/// <summary>Builds the gangway command tree and runs it against the given output streams.</summary>
internal static class CliApp
{
    public static RootCommand BuildRoot(CliHost host)
    {
        var root = new RootCommand("Gangway: train, evaluate, score and inspect tabular machine-learning models.")
        {
            GlobalOptions.Verbose,
            GlobalOptions.Quiet,
            GlobalOptions.LogFormat,
            TrainCommand.Create(host),
            EvaluateCommand.Create(host),
            PredictCommand.Create(host),
            CrossValidateCommand.Create(host),
            InspectCommand.Create(host),
        };
        CliVersion.Install(root);
        return root;
    }

    public static int Run(string[] args, TextWriter output, TextWriter error, TimeProvider? time = null)
    {
        var host = new CliHost(output, error, time ?? TimeProvider.System);
        var parseResult = BuildRoot(host).Parse(args);
        if (parseResult.Errors.Count > 0 && parseResult.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var parseError in parseResult.Errors)
            {
                error.WriteLine($"error: {parseError.Message}");
            }

            error.WriteLine("Run 'gangway --help' for usage.");
            return ExitCodes.Usage;
        }

        return parseResult.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }
}
