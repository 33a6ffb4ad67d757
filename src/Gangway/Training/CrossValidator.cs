using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Gangway.Data;
using Gangway.Evaluation;
using Gangway.Specs;

namespace Gangway.Training;

/// <summary>
/// Repeated stratified k-fold cross-validation of a spec: for choosing between specs (or hyperparameters) before training
/// the final model. Each fold fits a fresh pipeline on the other folds and scores the held-out one; nothing is kept.
/// Use <see cref="BundleEvaluator"/> instead to measure the one trained model you will ship.
/// </summary>
/// <remarks>
/// Folds are fitted in parallel, one per processor (the learners are single-threaded); each fold has its own seeded
/// pipeline, so the report is the same whatever the number of processors. Progress is reported on the calling thread.
/// </remarks>
public static class CrossValidator
{
    /// <summary>Cross-validates the spec file on the CSV file.</summary>
    /// <exception cref="GangwayException">The spec or data is invalid, or folds are impossible for the data.</exception>
    public static CrossValidationReport Run(string specPath, string dataPath, int folds, int? seedOverride = null, IProgress<int>? progress = null, int repeats = 1, GangwayCatalog? catalog = null) =>
        Run(specPath, new CsvFileSource(dataPath), folds, seedOverride, progress, repeats, catalog);

    /// <summary>Cross-validates the spec file on data from any source (e.g. a unit's file through its parser).</summary>
    /// <exception cref="GangwayException">The spec or data is invalid, or folds are impossible for the data.</exception>
    public static CrossValidationReport Run(string specPath, ITableSource source, int folds, int? seedOverride = null, IProgress<int>? progress = null, int repeats = 1, GangwayCatalog? catalog = null)
    {
        var spec = ModelSpecReader.ReadFile(specPath);
        // Building the estimator checks its arguments, so a misspelt key fails before any data is read.
        _ = SpecEstimatorBuilder.Build(spec, seedOverride ?? spec.Seed, catalog);
        var data = SpecData.ReadLabelledWithLines(spec, source);
        var seed = seedOverride ?? spec.Seed;
        return SpecData.AtLines(data.Lines, () => Run(spec, data.Table, folds, seed, seed, progress, repeats, catalog));
    }

    /// <summary>Cross-validates <paramref name="spec"/> on an in-memory labelled table.</summary>
    /// <param name="spec">The spec.</param>
    /// <param name="data">Labelled data with the spec's columns.</param>
    /// <param name="folds">Number of folds, at least 2.</param>
    /// <param name="seed">Seed for the fold assignment and every learner.</param>
    /// <param name="progress">Receives the number of folds done.</param>
    /// <param name="repeats">How many times to split into <paramref name="folds"/> folds (default 1), each reshuffled.</param>
    /// <param name="catalog">The steps and learners the spec may name (default: <see cref="GangwayCatalog.BuiltIn"/>).</param>
    public static CrossValidationReport Run(ModelSpec spec, Table data, int folds, int seed, IProgress<int>? progress = null, int repeats = 1, GangwayCatalog? catalog = null) =>
        Run(spec, data, folds, seed, seed, progress, repeats, catalog);

    /// <summary>
    /// Cross-validates <paramref name="spec"/> with separate seeds for the folds and the learners, so several specs
    /// (e.g. tuning candidates that vary the seed) can be compared on the same folds.
    /// </summary>
    /// <param name="spec">The spec.</param>
    /// <param name="data">Labelled data with the spec's columns.</param>
    /// <param name="folds">Number of folds, at least 2.</param>
    /// <param name="foldSeed">Seed for the fold assignment; repeat r uses <see cref="CrossValidation.RepeatSeed"/>.</param>
    /// <param name="learnerSeed">Seed for every step and learner.</param>
    /// <param name="progress">Receives the number of folds done (of <paramref name="repeats"/> × <paramref name="folds"/>).</param>
    /// <param name="repeats">How many times to split into <paramref name="folds"/> folds (default 1), each reshuffled.</param>
    /// <param name="catalog">The steps and learners the spec may name (default: <see cref="GangwayCatalog.BuiltIn"/>).</param>
    /// <exception cref="GangwayException">The data cannot be split, or <paramref name="repeats"/> is below 1.</exception>
    public static CrossValidationReport Run(ModelSpec spec, Table data, int folds, int foldSeed, int learnerSeed, IProgress<int>? progress = null, int repeats = 1, GangwayCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        data = SpecData.Conform(spec, data, includeTarget: true);
        var evaluator = new BinaryClassificationEvaluator(new BinaryClassificationEvaluatorOptions
        {
            LabelColumn = spec.Target.Column,
            PositiveClass = spec.Target.PositiveClass,
        });
        var splits = CrossValidation.SplitRepeated(data, spec.Target.Column, folds, repeats, foldSeed);
        var results = new Metrics[splits.Count];
        ForEachInParallel(splits.Count, i =>
        {
            var model = SpecEstimatorBuilder.BuildModel(spec, learnerSeed, catalog).Fit(splits[i].Train);
            results[i] = evaluator.Evaluate(model.Transform(splits[i].Test)).Overall;
        }, progress);
        return new CrossValidationReport(results, repeats);
    }

    private static void ForEachInParallel(int count, Action<int> body, IProgress<int>? progress)
    {
        using var done = new BlockingCollection<int>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        var work = Task.Run(() =>
        {
            try
            {
                Parallel.For(0, count, options, (i, state) =>
                {
                    body(i);
                    done.Add(i);
                });
            }
            finally
            {
                done.CompleteAdding();
            }
        });
        var reported = 0;
        foreach (var _ in done.GetConsumingEnumerable())
        {
            progress?.Report(++reported);
        }

        try
        {
            work.GetAwaiter().GetResult();
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            // The first fold's error, as a sequential loop would have thrown it, not a wrapper.
            ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }
    }
}
