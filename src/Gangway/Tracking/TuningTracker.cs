using System.Globalization;
using Gangway.Bundles;
using Gangway.Specs;
using Gangway.Stores;
using Gangway.Tuning;

namespace Gangway.Tracking;

/// <summary>
/// Records a tuning search in the store as it goes: a parent run (Running) first, one finished child run per candidate
/// as soon as it is scored, then the parent finished with the best score and <c>best_run_id</c>, and the best child
/// tagged <c>best=true</c>. A search that fails leaves its parent Failed with the error. Not thread-safe: one search
/// records through one tracker, one call at a time.
/// </summary>
public sealed class TuningTracker
{
    private const string Command = "tune";

    private readonly IRunStore _runs;
    private readonly TimeProvider _time;
    private readonly string _experiment;
    private readonly Dictionary<int, string> _candidateRuns = [];
    private DateTimeOffset _candidateStarted;

    private TuningTracker(IRunStore runs, TimeProvider time, string experiment, string parentRunId)
    {
        _runs = runs;
        _time = time;
        _experiment = experiment;
        ParentRunId = parentRunId;
    }

    /// <summary>The parent run's id.</summary>
    public string ParentRunId { get; }

    /// <summary>The run id of each recorded candidate, by candidate number.</summary>
    public IReadOnlyDictionary<int, string> CandidateRuns => _candidateRuns;

    /// <summary>The store's URI (password hidden), for messages.</summary>
    public string DisplayUri => _runs.DisplayUri;

    /// <summary>Records the parent run: what was searched, on which data, with which files (by path and SHA-256).</summary>
    /// <param name="runs">Where the runs go.</param>
    /// <param name="time">The clock for start and end times.</param>
    /// <param name="spec">The spec being tuned.</param>
    /// <param name="grid">The search.</param>
    /// <param name="files">The files the search reads.</param>
    /// <param name="outerFolds">The outer folds of a nested search, or null.</param>
    /// <param name="cancellationToken">Cancels the store call.</param>
    public static async Task<TuningTracker> StartAsync(
        IRunStore runs, TimeProvider time, ModelSpec spec, TuningGrid grid, TuningFiles files, int? outerFolds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(files);
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

        var parent = await runs.CreateRunAsync(
            new NewRun(spec.Name, "tune", null, RunStatus.Running, time.GetUtcNow(), null, parameters, new Dictionary<string, double>(), tags, null, []),
            Change.ByCurrentUser(),
            cancellationToken);
        return new TuningTracker(runs, time, spec.Name, parent.Id);
    }

    /// <summary>Notes when the next candidate started, for its run's start time.</summary>
    public void CandidateStarted() => _candidateStarted = _time.GetUtcNow();

    /// <summary>Records a scored candidate as a finished child run: its parameter values and every metric's mean and spread.</summary>
    public async Task RecordAsync(CandidateResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var parameters = result.Candidate.Parameters.ToDictionary(p => p.Path, p => p.Text, StringComparer.Ordinal);
        var run = await _runs.CreateRunAsync(
            new NewRun(_experiment, $"candidate {Text(result.Candidate.Number)}", ParentRunId, RunStatus.Finished, _candidateStarted, _time.GetUtcNow(), parameters, TrainingRuns.Summary(result.CrossValidation), Tags(), null, []),
            Change.ByCurrentUser(),
            cancellationToken);
        _candidateRuns[result.Candidate.Number] = run.Id;
    }

    /// <summary>
    /// Tags the best candidate's run (<c>best=true</c>) and the chosen one's (<c>chosen=true</c>), and finishes the parent
    /// with the best score, the chosen candidate and why, and with <paramref name="nested"/>'s estimate and optimism.
    /// </summary>
    public async Task FinishAsync(TuningReport report, NestedTuningReport? nested, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var best = _candidateRuns[report.Best.Candidate.Number];
        var chosen = _candidateRuns[report.Chosen.Candidate.Number];
        await _runs.UpdateRunAsync(best, new RunUpdate(RunStatus.Finished, null, new Dictionary<string, double>(), new Dictionary<string, string> { ["best"] = "true" }), Change.ByCurrentUser(), cancellationToken);
        await _runs.UpdateRunAsync(chosen, new RunUpdate(RunStatus.Finished, null, new Dictionary<string, double>(), new Dictionary<string, string> { ["chosen"] = "true" }), Change.ByCurrentUser(), cancellationToken);
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
        await _runs.UpdateRunAsync(ParentRunId, new RunUpdate(RunStatus.Finished, _time.GetUtcNow(), metrics, tags), Change.ByCurrentUser(), cancellationToken);
    }

    /// <summary>
    /// Records the training of the chosen candidate on all the data (<c>--refit</c>) as a run tagged with this search
    /// (<c>tuning_run_id</c>), and tags the parent with it (<c>refit_run_id</c>); returns the new run.
    /// </summary>
    /// <param name="training">The training run, as <see cref="TrainingRuns.Training"/> builds it.</param>
    /// <param name="cancellationToken">Cancels the store calls.</param>
    public async Task<RunRecord> RecordRefitAsync(NewRun training, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(training);
        var tags = new Dictionary<string, string>(training.Tags, StringComparer.Ordinal) { ["tuning_run_id"] = ParentRunId, ["command"] = "tune --refit" };
        var run = await _runs.CreateRunAsync(training with { Tags = tags }, Change.ByCurrentUser(), cancellationToken);
        await _runs.UpdateRunAsync(
            ParentRunId,
            new RunUpdate(RunStatus.Finished, null, new Dictionary<string, double>(), new Dictionary<string, string> { ["refit_run_id"] = run.Id }),
            Change.ByCurrentUser(),
            cancellationToken);
        return run;
    }

    /// <summary>Marks the parent Failed with the error's message.</summary>
    public Task FailAsync(string error, CancellationToken cancellationToken) =>
        _runs.UpdateRunAsync(ParentRunId, new RunUpdate(RunStatus.Failed, _time.GetUtcNow(), new Dictionary<string, double>(), new Dictionary<string, string> { ["error"] = error }), Change.ByCurrentUser(), cancellationToken);

    private static Dictionary<string, string> Tags() => TrainingRuns.Tags(Command, GangwayVersion.Current, null);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The files a tuning search reads, as given on the command line.</summary>
/// <param name="Spec">The model spec.</param>
/// <param name="Grid">The tuning grid.</param>
/// <param name="Data">The training data.</param>
/// <param name="Parser">The parser definition, or null.</param>
public sealed record TuningFiles(string Spec, string Grid, string Data, string? Parser);
