using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gangway.Cli.Infrastructure;
using Gangway.Specs;
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
        var grid = CliOptions.RequiredPath("--grid", "The search (YAML or JSON): metric, folds, grid or random, and the values to try per parameter.");
        var parser = CliOptions.Parser();
        var output = CliOptions.OptionalPath("--out", "Also write the report (every candidate's parameters, metrics per fold, mean and std, the best) as JSON to this file, or '-' for standard output (like --json).");
        var json = new Option<bool>("--json") { Description = "Print the report as JSON on standard output instead of the table." };
        var noTrack = new Option<bool>("--no-track") { Description = "Do not record the tuning run and its candidates in the model store." };
        var refit = new Option<bool>("--refit") { Description = "Then write the best candidate's spec (--out-spec) and train it on all of --data, as 'gangway train' would (recorded as a run)." };
        var outSpec = CliOptions.OptionalPath("--out-spec", "With --refit: where to write the best spec. Default: <spec>.tuned.yaml beside --spec.");
        var outBundle = CliOptions.OptionalPath("--out-bundle", "With --refit: also write the trained bundle (.gwb) to this file. Required with --no-track.");
        var command = new Command("tune", "Search spec parameters (grid or seeded random) by cross-validation; record every candidate as a run and mark the best.")
        {
            spec, data, grid, parser, output, json, noTrack, refit, outSpec, outBundle,
        };
        command.SetAction(parse => host.Execute(parse, context =>
        {
            var path = parse.GetValue(output);
            if (path is not null)
            {
                FileOutput.Check(path);
            }

            var files = new TuningFiles(parse.GetValue(spec)!, parse.GetValue(grid)!, parse.GetValue(data)!, parse.GetValue(parser));
            var refitOptions = RefitOptionsOf(parse.GetValue(refit), parse.GetValue(outSpec), parse.GetValue(outBundle), parse.GetValue(noTrack));
            var modelSpec = ModelSpecReader.ReadFile(files.Spec);
            var tuningGrid = TuningGridReader.ReadFile(files.Grid);
            // A grid that does not fit the spec fails here, before a run is recorded or a model fitted.
            CandidateSpecs.Check(modelSpec, tuningGrid);
            foreach (var candidate in CandidateGenerator.Generate(tuningGrid))
            {
                _ = CandidateSpecs.Apply(modelSpec, candidate);
            }

            var tracker = parse.GetValue(noTrack) ? null : TuningTracker.Start(context.Store, context.Time, modelSpec, tuningGrid, files);
            TuningReport report;
            try
            {
                report = StageProgress.Run(context, "Tuning", stages => Tuner.Run(modelSpec, CliOptions.Source(files.Data, files.Parser), tuningGrid, new SynchronousProgress<TuningProgress>(progress =>
                {
                    if (progress.Result is { } result)
                    {
                        tracker?.Record(result);
                        stages.Report($"candidate {progress.Candidate} of {progress.Candidates}: {tuningGrid.Metric} {MeanAndSpread(result)}");
                    }
                    else if (progress.FoldsDone == 0)
                    {
                        tracker?.CandidateStarted();
                        stages.Report($"candidate {progress.Candidate} of {progress.Candidates}");
                    }
                })));
                tracker?.Finish(report);
            }
            catch (Exception ex) when (tracker is not null)
            {
                // Any stop (an error, Ctrl+C) leaves the parent run failed, not running forever.
                tracker.Fail(ex is GangwayException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}");
                throw;
            }

            if (tracker is not null)
            {
                context.Logger.RecordedRun(tracker.ParentRunId, tracker.DisplayUri);
            }

            var refitted = refitOptions is null ? null : TuningRefit.Run(context, CandidateSpecs.Apply(modelSpec, report.Best.Candidate), report, files, refitOptions, tracker);
            var document = Document(report, tracker, refitted);
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
                Print(context.Console, report, tracker);
                if (refitted is not null)
                {
                    context.Console.MarkupLine(CultureInfo.InvariantCulture, "refit: best spec in {0}; trained {1}", Markup.Escape(refitted["spec"]!.GetValue<string>()), Markup.Escape(refitted["run_id"]?.GetValue<string>() is { } run ? $"run {run}" : refitted["bundle"]!.GetValue<string>()));
                }
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static void Print(IAnsiConsole console, TuningReport report, TuningTracker? tracker)
    {
        var direction = report.Grid.LowerIsBetter ? "lower is better" : "higher is better";
        // A line rather than the table's title, which would wrap to the width of a narrow table.
        console.MarkupLine(CultureInfo.InvariantCulture, "{0} candidates, {1}-fold cross-validation, {2} ({3})", report.Candidates.Count, report.Grid.Folds, Markup.Escape(report.Grid.Metric), direction);
        var table = new Table().AddColumn(new TableColumn("#").RightAligned());
        foreach (var parameter in report.Grid.Parameters)
        {
            table.AddColumn(Markup.Escape(parameter.Path));
        }

        table.AddColumn(new TableColumn(Markup.Escape(report.Grid.Metric)).RightAligned()).AddColumn("");
        if (tracker is not null)
        {
            table.AddColumn("run");
        }

        foreach (var result in report.Candidates)
        {
            var best = ReferenceEquals(result, report.Best);
            string[] cells =
            [
                result.Candidate.Number.ToString(CultureInfo.InvariantCulture),
                .. result.Candidate.Parameters.Select(p => Markup.Escape(p.Text)),
                MeanAndSpread(result),
                best ? "[bold]best[/]" : "",
                .. tracker is null ? [] : new[] { tracker.CandidateRuns[result.Candidate.Number] },
            ];
            table.AddRow(cells);
        }

        console.Write(table);
        console.MarkupLine(CultureInfo.InvariantCulture, "best: candidate {0} ({1}), {2} {3}", report.Best.Candidate.Number, Markup.Escape(report.Best.Candidate.Describe()), Markup.Escape(report.Grid.Metric), MeanAndSpread(report.Best));
        if (tracker is not null)
        {
            console.MarkupLine(CultureInfo.InvariantCulture, "tuning run: {0} (best candidate run {1}) in {2}", tracker.ParentRunId, tracker.CandidateRuns[report.Best.Candidate.Number], Markup.Escape(tracker.DisplayUri));
        }
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
    private static string Document(TuningReport report, TuningTracker? tracker, JsonObject? refitted)
    {
        var root = JsonNode.Parse(report.ToJson())!.AsObject();
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

    private static string MeanAndSpread(CandidateResult result) => result.Score.Mean is { } mean
        ? string.Create(CultureInfo.InvariantCulture, $"{mean:0.0000} ± {result.Score.StandardDeviation ?? 0:0.0000}")
        : "-";
}
