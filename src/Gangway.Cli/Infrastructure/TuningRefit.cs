using System.Text.Json.Nodes;
using Gangway.Bundles;
using Gangway.Specs;
using Gangway.Tracking;
using Gangway.Training;
using Gangway.Tuning;

namespace Gangway.Cli.Infrastructure;

/// <summary>
/// <c>gangway tune --refit</c>: writes the best candidate's spec and trains it on all the data, as <c>gangway train</c>
/// would, so the search ends with a model rather than with values to copy by hand. Like scikit-learn's
/// <c>GridSearchCV(refit=True)</c>.
/// </summary>
internal static class TuningRefit
{
    /// <summary>Where the spec goes when <c>--out-spec</c> is not given: <c>&lt;spec&gt;.tuned.yaml</c> beside the original, so its relative paths still resolve.</summary>
    public static string DefaultSpecPath(string specPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(specPath))!, Path.GetFileNameWithoutExtension(specPath) + ".tuned.yaml");

    /// <summary>The chosen spec as YAML, its relative paths (contract, promotion data) rewritten for where it is written.</summary>
    public static string SpecText(ModelSpec spec, string originalSpecPath, string outSpecPath, TuningReport report)
    {
        var from = Path.GetDirectoryName(Path.GetFullPath(originalSpecPath))!;
        var to = Path.GetDirectoryName(Path.GetFullPath(outSpecPath))!;
        string Rebase(string path) => Path.IsPathRooted(path) ? path : Path.GetRelativePath(to, Path.GetFullPath(Path.Combine(from, path))).Replace('\\', '/');
        var rebased = spec with
        {
            ContractPath = spec.ContractPath is { } contract ? Rebase(contract) : null,
            Promotion = spec.Promotion is { } promotion ? promotion with { Data = Rebase(promotion.Data) } : null,
        };
        var chosen = report.Chosen;
        var folds = report.Grid.Repeats == 1 ? $"{report.Grid.Folds} folds" : $"{report.Grid.Folds} folds × {report.Grid.Repeats} repeats";
        var header = $"# The {(ReferenceEquals(chosen, report.Best) ? "best" : "chosen")} candidate of 'gangway tune' on {Path.GetFileName(originalSpecPath)}: candidate {chosen.Candidate.Number} ({chosen.Candidate.Describe()}),\n"
            + $"# {report.Grid.Metric} {chosen.Score.Mean?.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture) ?? "-"} over {folds}.\n";
        if (report.Grid.Selection == SelectionRule.OneStandardError)
        {
            header += $"# Chosen by the one-standard-error rule: {report.Reason}.\n";
        }

        return header + ModelSpecWriter.Write(rebased);
    }

    /// <summary>Writes the spec, trains it and records the run (tagged with the tuning run) unless untracked; returns the JSON summary.</summary>
    public static async Task<JsonObject> RunAsync(CliContext context, ModelSpec bestSpec, TuningReport report, TuningFiles files, RefitOptions options, TuningTracker? tracker, CancellationToken cancellationToken)
    {
        var specPath = options.OutSpec ?? DefaultSpecPath(files.Spec);
        FileOutput.WriteText(specPath, context.Output, SpecText(bestSpec, files.Spec, specPath, report));
        context.Logger.Wrote("best spec", specPath);
        var started = context.Time.GetUtcNow();
        var bundle = StageProgress.Run(context, "Refitting the best candidate", progress =>
            new ModelTrainer(context.Time, context.Catalog).Train(specPath, CliOptions.Source(files.Data, files.Parser, context.Catalog), null, progress, new SynchronousProgress<string>(context.Logger.ContractWarning)));
        var bytes = BundleWriter.ToBytes(bundle);
        if (options.OutBundle is { } bundlePath)
        {
            FileOutput.WriteBytes(bundlePath, bytes);
            context.Logger.Wrote("refitted bundle", bundlePath);
        }

        string? runId = null;
        if (tracker is not null)
        {
            var run = await tracker.RecordRefitAsync(TrainingRuns.Training(bundle, bytes, specPath, files.Data, started, context.Time.GetUtcNow()), cancellationToken);
            runId = run.Id;
            context.Logger.RecordedRun(runId, tracker.DisplayUri);
        }

        return new JsonObject
        {
            ["spec"] = Path.GetFullPath(specPath),
            ["run_id"] = runId,
            ["bundle"] = options.OutBundle is null ? null : Path.GetFullPath(options.OutBundle),
            ["metrics"] = bundle.Metrics["training"]?.DeepClone(),
        };
    }
}

/// <summary>What <c>--refit</c> writes: the spec (null for the default path) and optionally the bundle file.</summary>
internal sealed record RefitOptions(string? OutSpec, string? OutBundle);
