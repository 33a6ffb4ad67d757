using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Gangway.Bundles;
using Gangway.Cli.Infrastructure;
using Gangway.Stores;
using Gangway.Tracking;
using Gangway.Training;
using Microsoft.Extensions.Logging;

namespace Gangway.Cli.Commands;

/// <summary>
/// <c>gangway train</c>: fit the model a spec describes, record the run (parameters, metrics, lineage and the bundle) in
/// the store unless <c>--no-track</c>, and write the bundle file when <c>--out</c> is given.
/// </summary>
internal static class TrainCommand
{
    public static Command Create(CliHost host)
    {
        var spec = CliOptions.RequiredPath("--spec", "The model spec (YAML or JSON).");
        var data = CliOptions.RequiredPath("--data", "Labelled training data (CSV with a header).");
        var output = CliOptions.OptionalPath("--out", "Also write the model bundle (.gwb) to this file (or a device or named pipe). Required with --no-track.");
        // The summary goes to standard output; a binary bundle mixed into it would be of use to no one.
        output.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() == FileOutput.StandardOutput)
            {
                result.AddError("train --out cannot be '-' (standard output, where the summary goes): give a file, e.g. --out model.gwb.");
            }
        });
        var seed = CliOptions.Seed();
        var parser = CliOptions.Parser();
        var noTrack = new Option<bool>("--no-track") { Description = "Do not record the run in the model store." };
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object (run_id, model, bundle, metrics) instead of a summary." };
        var command = new Command("train", "Train the model a spec describes, record the run in the model store and optionally write a bundle file.")
        {
            spec, data, output, seed, parser, noTrack, json,
        };
        command.SetAction((parse, cancellationToken) => host.ExecuteAsync(parse, async context =>
        {
            var track = !parse.GetValue(noTrack);
            var path = parse.GetValue(output);
            if (!track && path is null)
            {
                throw new GangwayException(ErrorKind.InvalidConfiguration, "Nothing would be kept: give --out <bundle.gwb>, or drop --no-track so the run and its bundle are recorded in the store.");
            }

            if (path is not null)
            {
                FileOutput.Check(path);
            }

            // Open the store first: a wrong --store fails before minutes of training.
            var store = track ? await context.OpenStoreAsync(cancellationToken) : null;
            var started = context.Time.GetUtcNow();
            var stopwatch = Stopwatch.StartNew();
            var specPath = parse.GetValue(spec)!;
            var dataPath = parse.GetValue(data)!;
            var bundle = StageProgress.Run(context, "Training", progress =>
                new ModelTrainer(context.Time, context.Catalog).Train(specPath, CliOptions.Source(dataPath, parse.GetValue(parser), context.Catalog), parse.GetValue(seed), progress, new SynchronousProgress<string>(context.Logger.ContractWarning)));
            var bytes = BundleWriter.ToBytes(bundle);
            if (path is not null)
            {
                FileOutput.WriteBytes(path, bytes);
                context.Logger.Trained(bundle.Name, stopwatch.Elapsed.TotalSeconds, path);
            }

            var run = store is null ? null : await store.Runs.CreateRunAsync(TrainingRuns.Training(bundle, bytes, specPath, dataPath, started, context.Time.GetUtcNow()), Change.ByCurrentUser(), cancellationToken);
            if (run is not null)
            {
                context.Logger.RecordedRun(run.Id, store!.DisplayUri);
            }

            if (parse.GetValue(json))
            {
                var result = new JsonObject
                {
                    ["run_id"] = run?.Id,
                    ["model"] = bundle.Name,
                    ["bundle"] = path is null ? null : Path.GetFullPath(path),
                    ["metrics"] = bundle.Metrics["training"]?.DeepClone(),
                };
                context.Output.WriteLine(result.ToJsonString());
            }
            else
            {
                TrainingSummary.Print(context, bundle, path, run?.Id);
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
