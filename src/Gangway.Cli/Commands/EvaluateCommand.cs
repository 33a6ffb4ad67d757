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
        var output = CliOptions.OptionalPath("--out", "Also write the metrics as JSON to this file.");
        var parser = CliOptions.Parser();
        var command = new Command("evaluate", "Score labelled data with the trained model and report metrics, slices and baselines.") { model, data, output, parser };
        command.SetAction(parse => host.Execute(parse, context =>
        {
            var bundle = BundleReader.Read(context.ResolveModel(parse.GetValue(model)!));
            var report = BundleEvaluator.Evaluate(bundle, CliOptions.Source(parse.GetValue(data)!, parse.GetValue(parser)), new SynchronousProgress<string>(context.Logger.ContractWarning));
            EvaluationTables.Print(context.Console, bundle.Name, report);
            if (parse.GetValue(output) is { } path)
            {
                FileOutput.WriteAllText(path, report.ToJson());
                context.Logger.Wrote("metrics", path);
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
