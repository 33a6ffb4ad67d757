using Gangway.Data;
using Gangway.Evaluation;
using Gangway.Specs;

namespace Gangway.Training;

/// <summary>
/// Stratified k-fold cross-validation of a spec: for choosing between specs (or hyperparameters) before training the
/// final model. Each fold fits a fresh pipeline on the other folds and scores the held-out one; nothing is kept.
/// Use <see cref="BundleEvaluator"/> instead to measure the one trained model you will ship.
/// </summary>
public static class CrossValidator
{
    /// <summary>Cross-validates the spec file on the CSV file.</summary>
    /// <exception cref="GangwayException">The spec or data is invalid, or folds are impossible for the data.</exception>
    public static CrossValidationReport Run(string specPath, string dataPath, int folds, int? seedOverride = null, IProgress<int>? progress = null) =>
        Run(specPath, new CsvFileSource(dataPath), folds, seedOverride, progress);

    /// <summary>Cross-validates the spec file on data from any source (e.g. a unit's file through its parser).</summary>
    /// <exception cref="GangwayException">The spec or data is invalid, or folds are impossible for the data.</exception>
    public static CrossValidationReport Run(string specPath, ITableSource source, int folds, int? seedOverride = null, IProgress<int>? progress = null)
    {
        var spec = ModelSpecReader.ReadFile(specPath);
        // Building the estimator checks its arguments, so a misspelt key fails before any data is read.
        _ = SpecEstimatorBuilder.Build(spec, seedOverride ?? spec.Seed);
        var data = SpecData.ReadLabelledWithLines(spec, source);
        return SpecData.AtLines(data.Lines, () => Run(spec, data.Table, folds, seedOverride ?? spec.Seed, progress));
    }

    /// <summary>Cross-validates <paramref name="spec"/> on an in-memory labelled table.</summary>
    /// <param name="spec">The spec.</param>
    /// <param name="data">Labelled data with the spec's columns.</param>
    /// <param name="folds">Number of folds, at least 2.</param>
    /// <param name="seed">Seed for the fold assignment and every learner.</param>
    /// <param name="progress">Receives the number of folds done.</param>
    public static CrossValidationReport Run(ModelSpec spec, Table data, int folds, int seed, IProgress<int>? progress = null) =>
        Run(spec, data, folds, seed, seed, progress);

    /// <summary>
    /// Cross-validates <paramref name="spec"/> with separate seeds for the folds and the learners, so several specs
    /// (e.g. tuning candidates that vary the seed) can be compared on the same folds.
    /// </summary>
    /// <param name="spec">The spec.</param>
    /// <param name="data">Labelled data with the spec's columns.</param>
    /// <param name="folds">Number of folds, at least 2.</param>
    /// <param name="foldSeed">Seed for the fold assignment.</param>
    /// <param name="learnerSeed">Seed for every step and learner.</param>
    /// <param name="progress">Receives the number of folds done.</param>
    public static CrossValidationReport Run(ModelSpec spec, Table data, int folds, int foldSeed, int learnerSeed, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        data = SpecData.Conform(spec, data, includeTarget: true);
        var evaluator = new BinaryClassificationEvaluator(new BinaryClassificationEvaluatorOptions
        {
            LabelColumn = spec.Target.Column,
            PositiveClass = spec.Target.PositiveClass,
        });
        var results = new List<Metrics>();
        foreach (var (train, test) in CrossValidation.Split(data, spec.Target.Column, folds, foldSeed))
        {
            var model = SpecEstimatorBuilder.BuildModel(spec, learnerSeed).Fit(train);
            results.Add(evaluator.Evaluate(model.Transform(test)).Overall);
            progress?.Report(results.Count);
        }

        return new CrossValidationReport(results);
    }
}
