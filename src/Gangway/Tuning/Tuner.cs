using Gangway.Data;
using Gangway.Specs;
using Gangway.Training;

namespace Gangway.Tuning;

/// <summary>
/// Searches spec parameters for the best cross-validated metric, like scikit-learn's GridSearchCV and
/// RandomizedSearchCV (without the refit: train the best candidate's spec with <see cref="ModelTrainer"/>).
/// Every candidate is scored on the same stratified folds (<see cref="TuningGrid.Repeats"/> × <see cref="TuningGrid.Folds"/>
/// of them), split with the tuned spec's seed; a candidate's own seed (a <c>seed</c> parameter) only seeds its steps and
/// learner. The candidate is chosen by <see cref="TuningGrid.Selection"/>, simplicity ranked by <see cref="SimplicityOrder"/>. Every candidate is applied and validated before any is
/// fitted, so a bad value fails at once.
/// </summary>
public static class Tuner
{
    /// <summary>Tunes <paramref name="spec"/> on data from any source (e.g. a CSV file or a unit's file through its parser).</summary>
    /// <exception cref="GangwayException">The grid does not fit the spec, a candidate is invalid, or the data is.</exception>
    public static TuningReport Run(ModelSpec spec, ITableSource source, TuningGrid grid, IProgress<TuningProgress>? progress = null, GangwayCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(grid);
        CandidateSpecs.Check(spec, grid);
        var data = SpecData.ReadLabelledWithLines(spec, source);
        return SpecData.AtLines(data.Lines, () => Run(spec, data.Table, grid, progress, null, catalog));
    }

    /// <summary>Tunes <paramref name="spec"/> on an in-memory labelled table.</summary>
    /// <param name="spec">The spec whose parameters are tuned.</param>
    /// <param name="data">Labelled data with the spec's columns.</param>
    /// <param name="grid">The metric, folds, search and parameters.</param>
    /// <param name="progress">Receives where the search is, including each candidate's result as soon as it is scored.</param>
    /// <exception cref="GangwayException">The grid does not fit the spec, a candidate is invalid, the data cannot be split into the folds, or the metric is undefined for every candidate.</exception>
    /// <param name="catalog">The steps and learners the spec may name (default: <see cref="GangwayCatalog.BuiltIn"/>).</param>
    public static TuningReport Run(ModelSpec spec, Table data, TuningGrid grid, IProgress<TuningProgress>? progress = null, GangwayCatalog? catalog = null) =>
        Run(spec, data, grid, progress, null, catalog);

    internal static TuningReport Run(ModelSpec spec, Table data, TuningGrid grid, IProgress<TuningProgress>? progress, int? outerFold, GangwayCatalog? catalog)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(grid);
        CandidateSpecs.Check(spec, grid);
        var candidates = CandidateGenerator.Generate(grid);
        var specs = candidates.Select(c => CandidateSpecs.Apply(spec, c, catalog)).ToList();
        var results = new List<CandidateResult>(candidates.Count);
        for (var i = 0; i < candidates.Count; i++)
        {
            var number = candidates[i].Number;
            var folds = grid.Folds * grid.Repeats;
            progress?.Report(new TuningProgress(number, candidates.Count, 0, folds, null, outerFold));
            var report = CrossValidator.Run(specs[i], data, grid.Folds, spec.Seed, specs[i].Seed, new FoldProgress(done =>
                progress?.Report(new TuningProgress(number, candidates.Count, done, folds, null, outerFold))), grid.Repeats, catalog);
            var result = new CandidateResult(candidates[i], specs[i], report, report.Summary(grid.Metric));
            results.Add(result);
            progress?.Report(new TuningProgress(number, candidates.Count, folds, folds, result, outerFold));
        }

        return new TuningReport(grid, spec.Seed, results, SimplicityOrder.For(spec, grid, catalog));
    }

    // Reports on the calling thread (Progress<T> would post to the thread pool, out of order).
    private sealed class FoldProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
