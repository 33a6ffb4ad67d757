using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gangway.Cli.Infrastructure;
using Gangway.Specs;
using Gangway.Tracking;
using Gangway.Tuning;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Gangway.Cli.Commands;

/// <summary>
/// <c>gangway tune</c>: a grid or seeded random search over spec parameters, each candidate scored by k-fold
/// cross-validation and recorded as a child run of one tuning run, the best one tagged.
/// </summary>
internal static class TuneCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create(CliHost host)
    {
        var spec = CliOptions.RequiredPath("--spec", "The model spec (YAML or JSON) whose parameters are tuned.");
        var data = CliOptions.RequiredPath("--data", "Labelled data (CSV with a header).");
        var grid = CliOptions.RequiredPath("--grid", "The search (YAML or JSON): metric, folds, repeats, grid or random, and the values to try per parameter.");
        var parser = CliOptions.Parser();
        var output = CliOptions.OptionalPath("--out", "Also write the report (every candidate's parameters, metrics per fold, mean, std and interval, the best and the chosen) as JSON to this file, or '-' for standard output (like --json).");
        var json = new Option<bool>("--json") { Description = "Print the report as JSON on standard output instead of the table." };
        var noTrack = new Option<bool>("--no-track") { Description = "Do not record the tuning run and its candidates in the model store." };
        var refit = new Option<bool>("--refit") { Description = "Then write the chosen candidate's spec (--out-spec) and train it on all of --data, as 'gangway train' would (recorded as a run)." };
        var outSpec = CliOptions.OptionalPath("--out-spec", "With --refit: where to write the chosen spec. Default: <spec>.tuned.yaml beside --spec.");
        var outBundle = CliOptions.OptionalPath("--out-bundle", "With --refit: also write the trained bundle (.gwb) to this file. Required with --no-track.");
        var repeats = new Option<int?>("--repeats")
        {
            Description = "Repeat the grid's k folds this many times, each reshuffled (at least 1); overrides the grid's 'repeats' (default 1).",
            CustomParser = result => CliOptions.WholeNumber(result, "--repeats") ?? 0,
        };
        var select = new Option<string>("--select")
        {
            Description = "How to choose: 'best' mean, or 'one_se': the simplest candidate within one standard error of the best (simplicity as each learner declares it).",
            DefaultValueFactory = _ => "best",
        };
        select.AcceptOnlyFromAmong("best", "one_se");
        var nested = new Option<bool>("--nested") { Description = "Also estimate the tuned score honestly: rerun the whole search inside each outer fold and score its choice on the held-out fold." };
        var outerFolds = new Option<int?>("--outer-folds")
        {
            Description = "With --nested: the number of outer stratified folds (at least 2; default 5).",
            CustomParser = result => CliOptions.WholeNumber(result, "--outer-folds") ?? 0,
        };
        var command = new Command("tune", "Search spec parameters (grid or seeded random) by repeated cross-validation; record every candidate as a run and mark the best and the chosen.")
        {
            spec, data, grid, parser, output, json, noTrack, refit, outSpec, outBundle, repeats, select, nested, outerFolds,
        };
        command.SetAction((parse, cancellationToken) => host.ExecuteAsync(parse, async context =>
        {
            var path = parse.GetValue(output);
            if (path is not null)
            {
                FileOutput.Check(path);
            }

            var files = new TuningFiles(parse.GetValue(spec)!, parse.GetValue(grid)!, parse.GetValue(data)!, parse.GetValue(parser));
            var refitOptions = RefitOptionsOf(parse.GetValue(refit), parse.GetValue(outSpec), parse.GetValue(outBundle), parse.GetValue(noTrack));
            var outer = OuterFoldsOf(parse.GetValue(nested), parse.GetValue(outerFolds));
            var repeatCount = parse.GetValue(repeats);
            if (repeatCount is < 1)
            {
                throw new GangwayException(ErrorKind.InvalidConfiguration, $"--repeats must be at least 1; got {repeatCount}.");
            }

            var modelSpec = ModelSpecReader.ReadFile(files.Spec);
            var fileGrid = TuningGridReader.ReadFile(files.Grid);
            var tuningGrid = fileGrid with
            {
                Repeats = repeatCount ?? fileGrid.Repeats,
                Selection = parse.GetValue(select) == "one_se" ? SelectionRule.OneStandardError : SelectionRule.Best,
            };
            // A grid that does not fit the spec fails here, before a run is recorded or a model fitted.
            CandidateSpecs.Check(modelSpec, tuningGrid);
            foreach (var candidate in CandidateGenerator.Generate(tuningGrid))
            {
                _ = CandidateSpecs.Apply(modelSpec, candidate, context.Catalog);
            }

            var tracker = parse.GetValue(noTrack)
                ? null
                : await TuningTracker.StartAsync((await context.OpenStoreAsync(cancellationToken)).Runs, context.Time, modelSpec, tuningGrid, files, outer, cancellationToken);
            TuningReport report;
            NestedTuningReport? nestedReport = null;
            try
            {
                (report, nestedReport) = StageProgress.Run(context, "Tuning", stages =>
                {
                    var source = CliOptions.Source(files.Data, files.Parser, context.Catalog);
                    var reporter = new SynchronousProgress<TuningProgress>(progress => Report(progress, tuningGrid, tracker, stages, outer, cancellationToken));
                    if (outer is { } outerCount)
                    {
                        var nestedResult = NestedTuner.Run(modelSpec, source, tuningGrid, outerCount, reporter, context.Catalog);
                        return (nestedResult.Search, nestedResult);
                    }

                    return (Tuner.Run(modelSpec, source, tuningGrid, reporter, context.Catalog), (NestedTuningReport?)null);
                });
                if (tracker is not null)
                {
                    await tracker.FinishAsync(report, nestedReport, cancellationToken);
                }
            }
            catch (Exception ex) when (tracker is not null)
            {
                // Any stop (an error, Ctrl+C) leaves the parent run failed, not running forever.
                // Not the command's token: a cancelled search must still be marked failed.
                await tracker.FailAsync(ex is GangwayException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}", CancellationToken.None);
                throw;
            }

            if (tracker is not null)
            {
                context.Logger.RecordedRun(tracker.ParentRunId, tracker.DisplayUri);
            }

            var refitted = refitOptions is null ? null : await TuningRefit.RunAsync(context, CandidateSpecs.Apply(modelSpec, report.Chosen.Candidate, context.Catalog), report, files, refitOptions, tracker, cancellationToken);
            var document = Document(report, nestedReport, tracker, refitted);
            if (path is not null && path != FileOutput.StandardOutput)
            {
                FileOutput.WriteText(path, context.Output, document);
                context.Logger.Wrote("tuning report", path);
            }

            if (parse.GetValue(json) || path == FileOutput.StandardOutput)
            {
                context.Output.WriteLine(document);
            }
            else
            {
                TuningTables.Print(context.Console, report, tracker);
                if (nestedReport is not null)
                {
                    TuningTables.PrintNested(context.Console, nestedReport);
                }

                if (refitted is not null)
                {
                    context.Console.MarkupLine(CultureInfo.InvariantCulture, "refit: {0} spec in {1}; trained {2}", ReferenceEquals(report.Chosen, report.Best) ? "best" : "chosen", Markup.Escape(refitted["spec"]!.GetValue<string>()), Markup.Escape(refitted["run_id"]?.GetValue<string>() is { } run ? $"run {run}" : refitted["bundle"]!.GetValue<string>()));
                }
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static void Report(TuningProgress progress, TuningGrid grid, TuningTracker? tracker, IProgress<string> stages, int? outerFolds, CancellationToken cancellationToken)
    {
        var where = progress.OuterFold is { } fold ? $"outer fold {fold} of {outerFolds}: " : "";
        if (progress.Result is { } result)
        {
            if (progress.OuterFold is null)
            {
                // The search reports progress synchronously and each candidate must be in the store as soon as it is
                // scored (an interrupted search keeps what it found), so the CLI waits here for the store's answer.
                tracker?.RecordAsync(result, cancellationToken).GetAwaiter().GetResult();
            }

            stages.Report($"{where}candidate {progress.Candidate} of {progress.Candidates}: {grid.Metric} {TuningTables.MeanAndSpread(result)}");
        }
        else if (progress.FoldsDone == 0)
        {
            if (progress.OuterFold is null)
            {
                tracker?.CandidateStarted();
            }

            stages.Report($"{where}candidate {progress.Candidate} of {progress.Candidates}");
        }
    }

    // Checked before the search, so a wrong combination fails before minutes of cross-validation.
    private static int? OuterFoldsOf(bool nested, int? outerFolds)
    {
        if (!nested)
        {
            return outerFolds is null
                ? null
                : throw new GangwayException(ErrorKind.InvalidConfiguration, "--outer-folds is only used with --nested; add --nested to estimate the search by nested cross-validation.");
        }

        return outerFolds is null or >= 2
            ? outerFolds ?? 5
            : throw new GangwayException(ErrorKind.InvalidConfiguration, $"--outer-folds must be at least 2; got {outerFolds}.");
    }

    // Checked before the search, so a wrong combination fails before minutes of cross-validation.
    private static RefitOptions? RefitOptionsOf(bool refit, string? outSpec, string? outBundle, bool noTrack)
    {
        if (!refit)
        {
            return outSpec is null && outBundle is null
                ? null
                : throw new GangwayException(ErrorKind.InvalidConfiguration, $"{(outSpec is null ? "--out-bundle" : "--out-spec")} is only used with --refit; add --refit to train the best candidate.");
        }

        if (noTrack && outBundle is null)
        {
            throw new GangwayException(ErrorKind.InvalidConfiguration, "The refitted model would not be kept: give --out-bundle <bundle.gwb>, or drop --no-track so its run and bundle are recorded in the store.");
        }

        foreach (var (option, path) in new[] { ("--out-spec", outSpec), ("--out-bundle", outBundle) })
        {
            if (path == FileOutput.StandardOutput)
            {
                throw new GangwayException(ErrorKind.InvalidConfiguration, $"{option} cannot be '-' (standard output): the refit reads the spec and keeps the bundle, so give a file.");
            }

            if (path is not null)
            {
                FileOutput.Check(path);
            }
        }

        return new RefitOptions(outSpec, outBundle);
    }

    // The core report, plus the run ids when the search was recorded, and what --refit made.
    private static string Document(TuningReport report, NestedTuningReport? nested, TuningTracker? tracker, JsonObject? refitted)
    {
        var root = JsonNode.Parse(report.ToJson())!.AsObject();
        if (nested is not null)
        {
            root["nested"] = nested.ToJson();
        }

        if (refitted is not null)
        {
            root["refit"] = refitted;
        }

        if (tracker is not null)
        {
            root["run_id"] = tracker.ParentRunId;
            foreach (var candidate in root["candidates"]!.AsArray())
            {
                candidate!["run_id"] = tracker.CandidateRuns[(int)candidate["number"]!];
            }
        }

        return root.ToJsonString(Indented);
    }
}
