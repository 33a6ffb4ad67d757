using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gangway.Bundles;
using Gangway.Cli.Infrastructure;
using Gangway.Training;
using Microsoft.Extensions.Logging;

namespace Gangway.Cli.Commands;

/// <summary>
/// <c>gangway evaluate</c>: score labelled data with a trained model (no refitting), report metrics, and record them in
/// the store against the model's run (and registered version) unless <c>--no-track</c>.
/// </summary>
internal static class EvaluateCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create(CliHost host)
    {
        var model = CliOptions.RequiredPath("--model", "The model: a bundle file (.gwb) or a registry reference (titanic@champion, titanic:3).");
        var data = CliOptions.RequiredPath("--data", "Labelled data (CSV with a header) the model did not see in training.");
        var output = CliOptions.OptionalPath("--out", "Also write the metrics as JSON to this file.");
        var parser = CliOptions.Parser();
        var json = new Option<bool>("--json") { Description = "Print the metrics as JSON on standard output instead of the tables." };
        var noTrack = new Option<bool>("--no-track") { Description = "Do not record the held-out metrics in the model store against the model's run and version." };
        var command = new Command("evaluate", "Score labelled data with the trained model and report metrics, slices and baselines.") { model, data, output, parser, json, noTrack };
        command.SetAction(parse => host.Execute(parse, context =>
        {
            var (bundlePath, version) = context.ResolveModelVersion(parse.GetValue(model)!);
            var bundle = BundleReader.Read(bundlePath);
            var dataPath = parse.GetValue(data)!;
            var report = BundleEvaluator.Evaluate(bundle, CliOptions.Source(dataPath, parse.GetValue(parser)), new SynchronousProgress<string>(context.Logger.ContractWarning));
            var recorded = parse.GetValue(noTrack) ? null : EvaluationRecording.Record(context, bundlePath, bundle, version, dataPath, report);
            var document = JsonNode.Parse(report.ToJson())!.AsObject();
            EvaluationRecording.AddTo(document, recorded);
            if (parse.GetValue(json))
            {
                context.Output.WriteLine(document.ToJsonString(Indented));
            }
            else
            {
                EvaluationTables.Print(context.Console, bundle.Name, report);
            }

            if (parse.GetValue(output) is { } path)
            {
                FileOutput.WriteAllText(path, document.ToJsonString(Indented));
                context.Logger.Wrote("metrics", path);
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
