using System.CommandLine;
using System.Diagnostics;
using Gangway.Bundles;
using Gangway.Cli.Infrastructure;
using Gangway.Training;
using Microsoft.Extensions.Logging;

namespace Gangway.Cli.Commands;

/// <summary><c>gangway train</c>: fit the model a spec describes and write one bundle file.</summary>
internal static class TrainCommand
{
    public static Command Create(CliHost host)
    {
        var spec = CliOptions.RequiredPath("--spec", "The model spec (YAML or JSON).");
        var data = CliOptions.RequiredPath("--data", "Labelled training data (CSV with a header).");
        var output = CliOptions.RequiredPath("--out", "Where to write the model bundle (.gwb).");
        var seed = CliOptions.Seed();
        var parser = CliOptions.Parser();
        var command = new Command("train", "Train the model a spec describes and write a model bundle.") { spec, data, output, seed, parser };
        command.SetAction(parse => host.Execute(parse, context =>
        {
            var stopwatch = Stopwatch.StartNew();
            var bundle = StageProgress.Run(context, "Training", progress =>
                new ModelTrainer(context.Time).Train(parse.GetValue(spec)!, CliOptions.Source(parse.GetValue(data)!, parse.GetValue(parser)), parse.GetValue(seed), progress, new SynchronousProgress<string>(context.Logger.ContractWarning)));
            var path = parse.GetValue(output)!;
            FileOutput.EnsureParentDirectory(path);
            BundleWriter.Write(bundle, path);
            context.Logger.Trained(bundle.Name, stopwatch.Elapsed.TotalSeconds, path);
            TrainingSummary.Print(context, bundle, path);
            return ExitCodes.Success;
        }));
        return command;
    }
}
