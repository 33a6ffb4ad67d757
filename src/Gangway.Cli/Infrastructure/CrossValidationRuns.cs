using System.Globalization;
using Gangway.Bundles;
using Gangway.Evaluation;
using Gangway.Specs;
using Gangway.Stores;

namespace Gangway.Cli.Infrastructure;

/// <summary>
/// The runs <c>gangway cv</c> records: a parent run, started before the folds (so an interrupted cross-validation stays
/// visible as running or failed), then one finished child run per fold, then the parent finished with the mean and spread.
/// </summary>
internal sealed class CrossValidationRuns
{
    private readonly CliContext _context;
    private readonly RunRecord _parent;
    private readonly ModelSpec _spec;

    private CrossValidationRuns(CliContext context, RunRecord parent, ModelSpec spec)
    {
        _context = context;
        _parent = parent;
        _spec = spec;
    }

    /// <summary>The parent run's id.</summary>
    public string ParentRunId => _parent.Id;

    public static CrossValidationRuns Start(CliContext context, string specPath, string dataPath, int folds, int repeats, int? seedOverride)
    {
        var spec = ModelSpecReader.ReadFile(specPath);
        var lineage = Lineage.Capture(dataPath, specPath, seedOverride ?? spec.Seed, context.Time);
        var parameters = TrainingRuns.Parameters(spec, specPath, dataPath, lineage);
        parameters["folds"] = folds.ToString(CultureInfo.InvariantCulture);
        parameters["repeats"] = repeats.ToString(CultureInfo.InvariantCulture);
        var parent = context.Store.CreateRun(
            new NewRun(spec.Name, "cv", null, RunStatus.Running, context.Time.GetUtcNow(), null, parameters, new Dictionary<string, double>(), TrainingRuns.Tags(lineage, "cv"), lineage.ToJson(), []),
            Change.ByCurrentUser());
        context.Logger.RecordedRun(parent.Id, context.Store.DisplayUri);
        return new CrossValidationRuns(context, parent, spec);
    }

    public void Finish(CrossValidationReport report)
    {
        var now = _context.Time.GetUtcNow();
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

            _context.Store.CreateRun(
                new NewRun(_spec.Name, name, _parent.Id, RunStatus.Finished, _parent.StartedAt, now, parameters, TrainingRuns.Scalars(report.Folds[i]), _parent.Tags, _parent.Lineage, []),
                Change.ByCurrentUser());
        }

        _context.Store.UpdateRun(_parent.Id, new RunUpdate(RunStatus.Finished, now, TrainingRuns.Summary(report), new Dictionary<string, string>()), Change.ByCurrentUser());
    }

    public void Fail(string error)
    {
        try
        {
            var tags = new Dictionary<string, string>(StringComparer.Ordinal) { ["error"] = error };
            _context.Store.UpdateRun(_parent.Id, new RunUpdate(RunStatus.Failed, _context.Time.GetUtcNow(), new Dictionary<string, double>(), tags), Change.ByCurrentUser());
        }
        catch (GangwayException ex)
        {
            _context.Logger.RunNotMarkedFailed(_parent.Id, ex.Message);
        }
    }
}
