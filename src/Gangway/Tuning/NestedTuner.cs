using Gangway.Data;
using Gangway.Evaluation;
using Gangway.Specs;
using Gangway.Training;

namespace Gangway.Tuning;

/// <summary>
/// Nested cross-validation of a tuning search, to measure how optimistic the tuned score is: the score of the chosen
/// candidate in the search was used to choose it, so it is biased upwards. For each outer stratified fold, the whole
/// search (every candidate, the grid's folds and repeats, the grid's selection rule) is run on the outer training part
/// only, and the candidate it chooses is fitted there and scored once on the outer test fold, which the search never saw.
/// Like scikit-learn's <c>cross_val_score(GridSearchCV(...), X, y)</c>.
/// </summary>
public static class NestedTuner
{
    /// <summary>Runs a nested cross-validation of the search on data from any source (e.g. a CSV file or a unit's file through its parser).</summary>
    /// <exception cref="GangwayException">The grid does not fit the spec, a candidate is invalid, or the data is.</exception>
    public static NestedTuningReport Run(ModelSpec spec, ITableSource source, TuningGrid grid, int outerFolds, IProgress<TuningProgress>? progress = null, GangwayCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(grid);
        CandidateSpecs.Check(spec, grid);
        var data = SpecData.ReadLabelledWithLines(spec, source);
        return SpecData.AtLines(data.Lines, () => Run(spec, data.Table, grid, outerFolds, progress, catalog));
    }

    /// <summary>
    /// Runs the search on all of <paramref name="data"/> (as <see cref="Tuner"/>, whose choice is the one to train), then
    /// the nested estimate over <paramref name="outerFolds"/> outer folds split with the spec's seed.
    /// </summary>
    /// <param name="spec">The spec whose parameters are tuned.</param>
    /// <param name="data">Labelled data with the spec's columns.</param>
    /// <param name="grid">The metric, folds, repeats, selection, search and parameters.</param>
    /// <param name="outerFolds">The number of outer folds, at least 2.</param>
    /// <param name="progress">Receives where the search is; reports of the outer searches carry <see cref="TuningProgress.OuterFold"/>.</param>
    /// <param name="catalog">The steps and learners the spec may name (default: <see cref="GangwayCatalog.BuiltIn"/>).</param>
    /// <exception cref="GangwayException">As <see cref="Tuner.Run(ModelSpec, Table, TuningGrid, IProgress{TuningProgress}, GangwayCatalog)"/>, or an outer training part cannot be split into the inner folds.</exception>
    public static NestedTuningReport Run(ModelSpec spec, Table data, TuningGrid grid, int outerFolds, IProgress<TuningProgress>? progress = null, GangwayCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(grid);
        data = SpecData.Conform(spec, data, includeTarget: true);
        var search = Tuner.Run(spec, data, grid, progress, catalog);
        var evaluator = new BinaryClassificationEvaluator(new BinaryClassificationEvaluatorOptions
        {
            LabelColumn = spec.Target.Column,
            PositiveClass = spec.Target.PositiveClass,
        });
        var metric = Metrics.Scalars.First(m => m.Name == grid.Metric).Value;
        var results = new List<OuterFoldResult>();
        foreach (var (train, test) in CrossValidation.Split(data, spec.Target.Column, outerFolds, spec.Seed))
        {
            var fold = results.Count + 1;
            var inner = Tuner.Run(spec, train, grid, progress, fold, catalog);
            var chosen = inner.Chosen;
            var model = SpecEstimatorBuilder.BuildModel(chosen.Spec, chosen.Spec.Seed, catalog).Fit(train);
            var outer = metric(evaluator.Evaluate(model.Transform(test)).Overall);
            results.Add(new OuterFoldResult(fold, chosen.Candidate, chosen.Score.Mean, outer));
        }

        return new NestedTuningReport(search, results);
    }
}
