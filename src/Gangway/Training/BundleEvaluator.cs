using Gangway.Bundles;
using Gangway.Data;
using Gangway.Evaluation;
using Gangway.Learners;
using Gangway.Scoring;
using Gangway.Specs;

namespace Gangway.Training;

/// <summary>
/// Scores labelled data with a trained bundle (no refitting) and evaluates it with the slices and baselines its spec
/// names, plus the majority-class baseline learned from the training data.
/// </summary>
public static class BundleEvaluator
{
    /// <summary>Reads <paramref name="dataPath"/> with the bundle's schema plus the target, scores and evaluates it.</summary>
    /// <exception cref="GangwayException">The data lacks a column, a value does not fit, or a label is missing; an error about one row names its CSV line.</exception>
    public static BinaryClassificationReport Evaluate(ModelBundle bundle, string dataPath) => Evaluate(bundle, new CsvFileSource(dataPath));

    /// <summary>
    /// Reads labelled data from <paramref name="source"/> (e.g. a business unit's file through its parser), checks it
    /// against the bundle's data contract (errors fail, warnings go to <paramref name="warnings"/>), scores and evaluates it.
    /// </summary>
    /// <exception cref="GangwayException">The data lacks a column, breaks the contract, or a label is missing; an error about one row names its line.</exception>
    public static BinaryClassificationReport Evaluate(ModelBundle bundle, ITableSource source, IProgress<string>? warnings = null) =>
        Evaluate(bundle, source, warnings, bootstrap: null);

    /// <summary>
    /// Like <see cref="Evaluate(ModelBundle, ITableSource, IProgress{string})"/>, adding bootstrap confidence intervals when
    /// <paramref name="bootstrap"/> is given; its seed is replaced by the spec's <c>seed</c>, so the intervals of a model
    /// are reproducible.
    /// </summary>
    /// <exception cref="GangwayException">As the overload without intervals; or the bootstrap options are out of range.</exception>
    public static BinaryClassificationReport Evaluate(ModelBundle bundle, ITableSource source, IProgress<string>? warnings, BootstrapOptions? bootstrap)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        bootstrap?.Validated();
        var read = TableScorer.ReadAndScore(bundle.Model, source, SpecData.ReadOptions(bundle.Schema, includeTarget: true));
        CheckContract(bundle, read.Data, "The evaluation data", warnings);
        return SpecData.AtLines(read.Data.Lines, () =>
        {
            read.Data.Table.RequireRows($"evaluate '{bundle.Name}'");
            return EvaluateScored(bundle, read.Scored(), sliceColumns: null, bootstrap);
        });
    }

    /// <summary>Checks labelled rows against the bundle's data contract, if it has one: errors throw, warnings are reported.</summary>
    internal static void CheckContract(ModelBundle bundle, CsvChunk data, string what, IProgress<string>? warnings)
    {
        if (bundle.InputContract(includeTarget: true) is { } contract)
        {
            ContractCheck.Labelled(contract, contract.Columns.Select(c => c.Name), data.Table, data.Lines, what, warnings);
        }
    }

    /// <summary>Scores and evaluates an in-memory labelled table.</summary>
    /// <exception cref="GangwayException">The data lacks a column, a value does not fit, or a label is missing.</exception>
    public static BinaryClassificationReport Evaluate(ModelBundle bundle, Table labelled) => Evaluate(bundle, labelled, sliceColumns: null);

    /// <summary>Like <see cref="Evaluate(ModelBundle, Table)"/>, slicing by <paramref name="sliceColumns"/> instead of the spec's slices when given.</summary>
    internal static BinaryClassificationReport Evaluate(ModelBundle bundle, Table labelled, IReadOnlyList<string>? sliceColumns, BootstrapOptions? bootstrap = null)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(labelled);
        labelled.RequireRows($"evaluate '{bundle.Name}'");
        // Slices and rule baselines read the original columns, which feature steps may have replaced.
        return EvaluateScored(bundle, TableScorer.Scored(bundle.Model, labelled), sliceColumns, bootstrap);
    }

    // The labelled rows with the bundle's probability and prediction columns.
    private static BinaryClassificationReport EvaluateScored(ModelBundle bundle, Table scored, IReadOnlyList<string>? sliceColumns, BootstrapOptions? bootstrap)
    {
        var spec = ModelSpecReader.Parse(bundle.SpecText, $"{bundle.Name} (spec stored in the bundle)", contract: bundle.Contract);
        var baselines = new List<IBaseline> { new MajorityClassBaseline(TrainingPositiveRate(bundle)) };
        baselines.AddRange(spec.Baselines.Select(b => new RuleBaseline(b.Name, b.Column, b.EqualsValue)));
        return new BinaryClassificationEvaluator(new BinaryClassificationEvaluatorOptions
        {
            LabelColumn = bundle.Schema.Target,
            PositiveClass = spec.Target.PositiveClass,
            SliceColumns = sliceColumns ?? spec.Slices,
            Baselines = baselines,
            Bootstrap = bootstrap is null ? null : bootstrap with { Seed = spec.Seed },
        }).Evaluate(scored);
    }

    /// <summary>The share of positive labels in the training data, from the bundle's training metrics.</summary>
    public static double TrainingPositiveRate(ModelBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var training = bundle.Metrics["training"];
        var rows = training?["rows"]?.GetValue<double>() ?? 0;
        var positives = training?["positives"]?.GetValue<double>() ?? 0;
        return rows > 0
            ? positives / rows
            : throw new GangwayException(ErrorKind.CorruptArtifact, $"Bundle '{bundle.Name}' has no training row counts in metrics.json.");
    }
}
