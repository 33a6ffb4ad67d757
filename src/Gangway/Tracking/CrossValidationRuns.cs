using System.Globalization;
using Gangway.Bundles;
using Gangway.Evaluation;
using Gangway.Specs;
using Gangway.Stores;

namespace Gangway.Tracking;

/// <summary>
/// The runs a cross-validation records: a parent run, started before the folds (so an interrupted cross-validation stays
/// visible as running or failed), then one finished child run per fold, then the parent finished with the mean and spread.
/// </summary>
public sealed class CrossValidationRuns
{
    private readonly IRunStore _runs;
    private readonly TimeProvider _time;
    private readonly RunRecord _parent;
    private readonly ModelSpec _spec;

    private CrossValidationRuns(IRunStore runs, TimeProvider time, RunRecord parent, ModelSpec spec)
    {
        _runs = runs;
        _time = time;
        _parent = parent;
        _spec = spec;
    }

    /// <summary>The parent run's id.</summary>
    public string ParentRunId => _parent.Id;

    /// <summary>The store's URI (password hidden), for messages.</summary>
    public string DisplayUri => _runs.DisplayUri;

    /// <summary>Records the parent run (Running) of a cross-validation of <paramref name="specPath"/> on <paramref name="dataPath"/>.</summary>
    /// <param name="runs">Where the runs go.</param>
    /// <param name="time">The clock for start and end times.</param>
    /// <param name="specPath">The spec file.</param>
    /// <param name="dataPath">The data file.</param>
    /// <param name="folds">Folds per repeat.</param>
    /// <param name="repeats">Repeats.</param>
    /// <param name="seedOverride">The seed given instead of the spec's, or null.</param>
    /// <param name="cancellationToken">Cancels the store call.</param>
    public static async Task<CrossValidationRuns> StartAsync(
        IRunStore runs, TimeProvider time, string specPath, string dataPath, int folds, int repeats, int? seedOverride, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(time);
        var spec = ModelSpecReader.ReadFile(specPath);
        var lineage = Lineage.Capture(dataPath, specPath, seedOverride ?? spec.Seed, time);
        var parameters = TrainingRuns.Parameters(spec, specPath, dataPath, lineage);
        parameters["folds"] = folds.ToString(CultureInfo.InvariantCulture);
        parameters["repeats"] = repeats.ToString(CultureInfo.InvariantCulture);
        var parent = await runs.CreateRunAsync(
            new NewRun(spec.Name, "cv", null, RunStatus.Running, time.GetUtcNow(), null, parameters, new Dictionary<string, double>(), TrainingRuns.Tags(lineage, "cv"), lineage.ToJson(), []),
            Change.ByCurrentUser(),
            cancellationToken);
        return new CrossValidationRuns(runs, time, parent, spec);
    }

    /// <summary>Records one finished child run per fold and finishes the parent with the summary metrics.</summary>
    public async Task FinishAsync(CrossValidationReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var now = _time.GetUtcNow();
        for (var i = 0; i < report.Folds.Count; i++)
        {
            var (repeat, fold) = ((i / report.FoldsPerRepeat) + 1, (i % report.FoldsPerRepeat) + 1);
            var parameters = new Dictionary<string, string>(_parent.Params, StringComparer.Ordinal) { ["fold"] = fold.ToString(CultureInfo.InvariantCulture) };
            var name = $"fold {fold}";
            if (report.Repeats > 1)
            {
                parameters["repeat"] = repeat.ToString(CultureInfo.InvariantCulture);
                name = $"repeat {repeat} fold {fold}";
            }

            await _runs.CreateRunAsync(
                new NewRun(_spec.Name, name, _parent.Id, RunStatus.Finished, _parent.StartedAt, now, parameters, TrainingRuns.Scalars(report.Folds[i]), _parent.Tags, _parent.Lineage, []),
                Change.ByCurrentUser(),
                cancellationToken);
        }

        await _runs.UpdateRunAsync(_parent.Id, new RunUpdate(RunStatus.Finished, now, TrainingRuns.Summary(report), new Dictionary<string, string>()), Change.ByCurrentUser(), cancellationToken);
    }

    /// <summary>Marks the parent Failed with <paramref name="error"/>.</summary>
    /// <exception cref="GangwayException">The store cannot record it.</exception>
    public Task FailAsync(string error, CancellationToken cancellationToken)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal) { ["error"] = error };
        return _runs.UpdateRunAsync(_parent.Id, new RunUpdate(RunStatus.Failed, _time.GetUtcNow(), new Dictionary<string, double>(), tags), Change.ByCurrentUser(), cancellationToken);
    }
}
