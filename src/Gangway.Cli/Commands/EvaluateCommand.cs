using System.CommandLine;
using Gangway.Bundles;
using Gangway.Cli.Infrastructure;
using Gangway.Training;
using Microsoft.Extensions.Logging;

namespace Gangway.Cli.Commands;

/// <summary><c>gangway evaluate</c>: score labelled data with a trained model (no refitting) and report metrics.</summary>
internal static class EvaluateCommand
{
    public static Command Create(CliHost host)
    {
        var model = CliOptions.RequiredPath("--model", "The model: a bundle file (.gwb) or a registry reference (titanic@champion, titanic:3).");
        var data = CliOptions.RequiredPath("--data", "Labelled data (CSV with a header) the model did not see in training.");
        var output = CliOptions.OptionalPath("--out", "Also write the metrics as JSON to this file, or '-' for standard output (the tables then go to standard error).");
        var parser = CliOptions.Parser();
        var command = new Command("evaluate", "Score labelled data with the trained model and report metrics, slices and baselines.") { model, data, output, parser };
        command.SetAction(parse => host.Execute(parse, context =>
        {
            var path = parse.GetValue(output);
            if (path is not null)
            {
                FileOutput.Check(path);
            }

            var bundle = BundleReader.Read(context.ResolveModel(parse.GetValue(model)!));
            var report = BundleEvaluator.Evaluate(bundle, CliOptions.Source(parse.GetValue(data)!, parse.GetValue(parser)), new SynchronousProgress<string>(context.Logger.ContractWarning));
            // With --out -, standard output carries only the JSON, so a pipe into jq works.
            EvaluationTables.Print(path == FileOutput.StandardOutput ? context.ErrorConsole : context.Console, bundle.Name, report);
            if (path is not null)
            {
                FileOutput.WriteText(path, context.Output, report.ToJson());
            }

            if (path is not null && path != FileOutput.StandardOutput)
            {
                context.Logger.Wrote("metrics", path);
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
