using System.Globalization;
using Gangway.Bundles;
using Gangway.Specs;
using Gangway.Stores;
using Gangway.Tuning;

namespace Gangway.Cli.Infrastructure;

/// <summary>
/// Records a tuning search in the store as it goes: a parent run (Running) first, one finished child run per candidate
/// as soon as it is scored, then the parent finished with the best score and <c>best_run_id</c>, and the best child
/// tagged <c>best=true</c>. A search that fails leaves its parent Failed with the error.
/// </summary>
internal sealed class TuningTracker(IModelStore store, TimeProvider time, string experiment, string parentRunId)
{
    private const string Command = "tune";

    private readonly Dictionary<int, string> _candidateRuns = [];
    private DateTimeOffset _candidateStarted;

    public string ParentRunId { get; } = parentRunId;

    /// <summary>The run id of each recorded candidate, by candidate number.</summary>
    public IReadOnlyDictionary<int, string> CandidateRuns => _candidateRuns;

    public string DisplayUri => store.DisplayUri;

    /// <summary>Records the parent run: what was searched, on which data, with which files (by path and SHA-256).</summary>
    public static TuningTracker Start(IModelStore store, TimeProvider time, ModelSpec spec, TuningGrid grid, TuningFiles files, int? outerFolds = null)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["spec"] = files.Spec,
            ["spec_sha256"] = Hashing.Sha256File(files.Spec),
            ["grid"] = files.Grid,
            ["grid_sha256"] = Hashing.Sha256File(files.Grid),
            ["data"] = files.Data,
            ["data_sha256"] = Hashing.Sha256File(files.Data),
            ["search"] = grid.Search.ToString().ToLowerInvariant(),
            ["metric"] = grid.Metric,
            ["folds"] = Text(grid.Folds),
            ["repeats"] = Text(grid.Repeats),
            ["select"] = TuningReport.RuleName(grid.Selection),
            ["fold_seed"] = Text(spec.Seed),
            ["learner"] = spec.Learner.Name,
        };
        if (grid.Trials is { } trials)
        {
            parameters["trials"] = Text(trials);
            parameters["search_seed"] = Text(grid.Seed);
        }

        if (outerFolds is { } outer)
        {
            parameters["nested"] = "true";
            parameters["outer_folds"] = Text(outer);
        }

        if (files.Parser is { } parser)
        {
            parameters["parser"] = parser;
            parameters["parser_sha256"] = Hashing.Sha256File(parser);
        }

        var git = GitInfo.TryRead(Path.GetDirectoryName(Path.GetFullPath(files.Spec))!);
        var tags = TrainingRuns.Tags(Command, GangwayVersion.Current, git?.Commit);

        var parent = store.CreateRun(
            new NewRun(spec.Name, "tune", null, RunStatus.Running, time.GetUtcNow(), null, parameters, new Dictionary<string, double>(), tags, null, []),
            Change.ByCurrentUser());
        return new TuningTracker(store, time, spec.Name, parent.Id);
    }

    public void CandidateStarted() => _candidateStarted = time.GetUtcNow();

    /// <summary>Records a scored candidate as a finished child run: its parameter values and every metric's mean and spread.</summary>
    public void Record(CandidateResult result)
    {
        var parameters = result.Candidate.Parameters.ToDictionary(p => p.Path, p => p.Text, StringComparer.Ordinal);
        var run = store.CreateRun(
            new NewRun(experiment, $"candidate {Text(result.Candidate.Number)}", ParentRunId, RunStatus.Finished, _candidateStarted, time.GetUtcNow(), parameters, TrainingRuns.Summary(result.CrossValidation), Tags(), null, []),
            Change.ByCurrentUser());
        _candidateRuns[result.Candidate.Number] = run.Id;
    }

    /// <summary>
    /// Tags the best candidate's run (<c>best=true</c>) and the chosen one's (<c>chosen=true</c>), and finishes the parent
    /// with the best score, the chosen candidate and why, and with <paramref name="nested"/>'s estimate and optimism.
    /// </summary>
    public void Finish(TuningReport report, NestedTuningReport? nested = null)
    {
        var best = _candidateRuns[report.Best.Candidate.Number];
        var chosen = _candidateRuns[report.Chosen.Candidate.Number];
        store.UpdateRun(best, new RunUpdate(RunStatus.Finished, null, new Dictionary<string, double>(), new Dictionary<string, string> { ["best"] = "true" }), Change.ByCurrentUser());
        store.UpdateRun(chosen, new RunUpdate(RunStatus.Finished, null, new Dictionary<string, double>(), new Dictionary<string, string> { ["chosen"] = "true" }), Change.ByCurrentUser());
        var metrics = TrainingRuns.Summary([report.Best.Score]);
        metrics["candidates"] = report.Candidates.Count;
        if (nested is not null)
        {
            metrics["nested_" + report.Grid.Metric] = nested.Mean;
            metrics["nested_" + report.Grid.Metric + "_std"] = nested.StandardDeviation;
            metrics["optimism"] = nested.Optimism;
        }

        var tags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["best_run_id"] = best,
            ["best_candidate"] = Text(report.Best.Candidate.Number),
            ["chosen_run_id"] = chosen,
            ["chosen_candidate"] = Text(report.Chosen.Candidate.Number),
            ["selection"] = report.Reason,
        };
        store.UpdateRun(ParentRunId, new RunUpdate(RunStatus.Finished, time.GetUtcNow(), metrics, tags), Change.ByCurrentUser());
    }

    /// <summary>Tags the parent with the run that trained the best candidate on all the data (<c>--refit</c>).</summary>
    public void RecordRefit(string runId) =>
        store.UpdateRun(ParentRunId, new RunUpdate(RunStatus.Finished, null, new Dictionary<string, double>(), new Dictionary<string, string> { ["refit_run_id"] = runId }), Change.ByCurrentUser());

    /// <summary>Marks the parent Failed with the error's message.</summary>
    public void Fail(string error) =>
        store.UpdateRun(ParentRunId, new RunUpdate(RunStatus.Failed, time.GetUtcNow(), new Dictionary<string, double>(), new Dictionary<string, string> { ["error"] = error }), Change.ByCurrentUser());

    private static Dictionary<string, string> Tags() => TrainingRuns.Tags(Command, GangwayVersion.Current, null);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The files a tuning search reads, as given on the command line.</summary>
internal sealed record TuningFiles(string Spec, string Grid, string Data, string? Parser);
