using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gangway.Cli.Infrastructure;
using Gangway.Evaluation;
using Gangway.Tracking;
using Gangway.Training;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Gangway.Cli.Commands;

/// <summary><c>gangway cv</c>: k-fold cross-validation of a spec, for choosing between specs before training.</summary>
internal static class CrossValidateCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create(CliHost host)
    {
        var spec = CliOptions.RequiredPath("--spec", "The model spec (YAML or JSON).");
        var data = CliOptions.RequiredPath("--data", "Labelled data (CSV with a header).");
        var folds = new Option<int>("--folds")
        {
            Description = "Number of stratified folds (at least 2).",
            DefaultValueFactory = _ => 5,
            CustomParser = result => CliOptions.WholeNumber(result, "--folds") ?? 0,
        };
        var repeats = new Option<int>("--repeats")
        {
            Description = "Repeat the k folds this many times, each reshuffled with a seed derived from the seed and the repeat (at least 1).",
            DefaultValueFactory = _ => 1,
            CustomParser = result => CliOptions.WholeNumber(result, "--repeats") ?? 0,
        };
        var seed = CliOptions.Seed();
        var output = CliOptions.OptionalPath("--out", "Also write per-fold metrics and their mean, standard deviation and interval as JSON to this file, or '-' for standard output (the table then goes to standard error).");
        var parser = CliOptions.Parser();
        var noTrack = new Option<bool>("--no-track") { Description = "Do not record the runs (a parent and one per fold) in the model store." };
        var json = new Option<bool>("--json") { Description = "Print per-fold metrics, their mean, standard deviation and interval (and the run id) as JSON instead of the table." };
        var command = new Command("cv", "Cross-validate a spec: fit on k-1 folds, score the held-out fold, report mean, spread and a 95% interval.") { spec, data, folds, repeats, seed, output, parser, noTrack, json };
        command.SetAction((parse, cancellationToken) => host.ExecuteAsync(parse, async context =>
        {
            var foldCount = parse.GetValue(folds);
            var repeatCount = parse.GetValue(repeats);
            if (repeatCount < 1)
            {
                throw new GangwayException(ErrorKind.InvalidConfiguration, $"--repeats must be at least 1; got {repeatCount}.");
            }

            var specPath = parse.GetValue(spec)!;
            var dataPath = parse.GetValue(data)!;
            var path = parse.GetValue(output);
            FileOutput.CheckJsonOutput(path, parse.GetValue(json));

            var tracking = parse.GetValue(noTrack)
                ? null
                : await CrossValidationRuns.StartAsync((await context.OpenStoreAsync(cancellationToken)).Runs, context.Time, specPath, dataPath, foldCount, repeatCount, parse.GetValue(seed), cancellationToken);
            if (tracking is not null)
            {
                context.Logger.RecordedRun(tracking.ParentRunId, tracking.DisplayUri);
            }

            CrossValidationReport report;
            try
            {
                report = StageProgress.Run(context, "Cross-validating", stages =>
                    CrossValidator.Run(specPath, CliOptions.Source(dataPath, parse.GetValue(parser), context.Catalog), foldCount, parse.GetValue(seed), new SynchronousProgress<int>(fold =>
                        stages.Report($"fold {fold} of {foldCount * repeatCount} done")), repeatCount, context.Catalog));
            }
            catch (Exception ex)
            {
                // Any stop (an error, Ctrl+C) leaves the parent run failed, with why, not running forever.
                await FailAsync(context, tracking, ex);
                throw;
            }

            if (tracking is not null)
            {
                await tracking.FinishAsync(report, cancellationToken);
            }
            var document = JsonNode.Parse(report.ToJson())!.AsObject();
            document["run_id"] = tracking?.ParentRunId;
            if (parse.GetValue(json))
            {
                context.Output.WriteLine(document.ToJsonString(Indented));
            }
            else
            {
                if (tracking is not null)
                {
                    context.Output.WriteLine($"run {tracking.ParentRunId} ({report.Folds.Count} fold runs under it)");
                }

                var title = repeatCount == 1 ? $"{foldCount}-fold cross-validation" : $"{foldCount}-fold cross-validation × {repeatCount} repeats";
                var table = new Spectre.Console.Table().Title(title).AddColumn("metric")
                    .AddColumn(new TableColumn("mean").RightAligned()).AddColumn(new TableColumn("std").RightAligned())
                    .AddColumn(new TableColumn("95% interval").RightAligned());
                foreach (var summary in report.Summaries)
                {
                    table.AddRow(summary.Name, Format(summary.Mean), Format(summary.StandardDeviation), Interval(summary.Interval));
                }

                var console = path == FileOutput.StandardOutput ? context.ErrorConsole : context.Console;
                console.Write(table);
                console.MarkupLine(CultureInfo.InvariantCulture, "std over all {0} fold scores; interval: t-interval with the Nadeau-Bengio corrected variance (1/{0} + 1/{1})·s², since folds overlap", report.Folds.Count, foldCount - 1);
            }

            if (path is not null)
            {
                FileOutput.WriteText(path, context.Output, document.ToJsonString(Indented));
            }

            if (path is not null && path != FileOutput.StandardOutput)
            {
                context.Logger.Wrote("cross-validation metrics", path);
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static string Format(double? value) => value?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "-";

    private static string Interval(ConfidenceInterval? interval) =>
        interval is null ? "-" : Markup.Escape($"[{Format(interval.Lower)}, {Format(interval.Upper)}]");

    // Any stop (an error, Ctrl+C) leaves the parent run failed, with why, not running forever. Not the command's token:
    // a cancelled cross-validation must still be marked. A store that cannot record it is logged, not thrown over the cause.
    private static async Task FailAsync(CliContext context, CrossValidationRuns? tracking, Exception ex)
    {
        if (tracking is null)
        {
            return;
        }

        try
        {
            await tracking.FailAsync(ex is GangwayException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}", CancellationToken.None);
        }
        catch (GangwayException failure)
        {
            context.Logger.RunNotMarkedFailed(tracking.ParentRunId, failure.Message);
        }
    }
}
