using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gangway.Bundles;
using Gangway.Cli.Infrastructure;
using Gangway.Evaluation;
using Gangway.Tracking;
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
        var output = CliOptions.OptionalPath("--out", "Also write the metrics as JSON to this file, or '-' for standard output (the tables then go to standard error).");
        var parser = CliOptions.Parser();
        var json = new Option<bool>("--json") { Description = "Print the metrics as JSON on standard output instead of the tables." };
        var noTrack = new Option<bool>("--no-track") { Description = "Do not record the held-out metrics in the model store against the model's run and version." };
        var bootstrap = CliOptions.Bootstrap("Stratified bootstrap resamples for the confidence intervals, seeded by the spec's seed (0 turns intervals off).");
        var confidence = CliOptions.Confidence("Confidence level of the intervals, between 0 and 1.");
        var command = new Command("evaluate", "Score labelled data with the trained model and report metrics with confidence intervals, slices and baselines.") { model, data, output, parser, json, noTrack, bootstrap, confidence };
        command.SetAction((parse, cancellationToken) => host.ExecuteAsync(parse, async context =>
        {
            var path = parse.GetValue(output);
            FileOutput.CheckJsonOutput(path, parse.GetValue(json));

            var intervals = Intervals(parse.GetValue(bootstrap), parse.GetValue(confidence));
            var (bundlePath, version) = await context.ResolveModelVersionAsync(parse.GetValue(model)!, cancellationToken);
            var bundle = BundleReader.Read(bundlePath, context.Catalog);
            var dataPath = parse.GetValue(data)!;
            var report = BundleEvaluator.Evaluate(bundle, CliOptions.Source(dataPath, parse.GetValue(parser), context.Catalog), new SynchronousProgress<string>(context.Logger.ContractWarning), intervals);
            var recorded = parse.GetValue(noTrack) ? null : await EvaluationRecording.RecordAsync(context, bundlePath, bundle, version, dataPath, report, cancellationToken);
            var document = JsonNode.Parse(report.ToJson())!.AsObject();
            EvaluationRecording.AddTo(document, recorded);
            if (parse.GetValue(json))
            {
                context.Output.WriteLine(document.ToJsonString(Indented));
            }
            else
            {
                // With --out -, standard output carries only the JSON, so a pipe into jq works.
                EvaluationTables.Print(path == FileOutput.StandardOutput ? context.ErrorConsole : context.Console, bundle.Name, report);
            }

            if (path is not null)
            {
                FileOutput.WriteText(path, context.Output, document.ToJsonString(Indented));
            }

            if (path is not null && path != FileOutput.StandardOutput)
            {
                context.Logger.Wrote("metrics", path);
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static BootstrapOptions? Intervals(int resamples, double confidence) =>
        resamples == 0 ? null : new BootstrapOptions { Resamples = resamples, Confidence = confidence };
}
