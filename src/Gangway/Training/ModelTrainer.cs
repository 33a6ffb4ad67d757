using System.Text.Json.Nodes;
using Gangway.Bundles;
using Gangway.Data;
using Gangway.Evaluation;
using Gangway.Features;
using Gangway.Learners;
using Gangway.Monitoring;
using Gangway.Pipelines;
using Gangway.Profiling;
using Gangway.Schema;
using Gangway.Scoring;
using Gangway.Specs;
using Gangway.Upsell;

namespace Gangway.Training;

/// <summary>
/// Trains the model a spec describes on a CSV file and packs everything about it into a <see cref="ModelBundle"/>:
/// the fitted pipeline, the spec text, the input schema, a profile of the training data, training metrics and lineage.
/// </summary>
/// <param name="time">The clock for lineage (default: the system clock).</param>
/// <param name="catalog">The steps and learners the spec may name (default: <see cref="GangwayCatalog.BuiltIn"/>).</param>
public sealed class ModelTrainer(TimeProvider? time = null, GangwayCatalog? catalog = null)
{
    private const int ExampleRowCount = 5;
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Trains on the CSV at <paramref name="dataPath"/> as the spec file at <paramref name="specPath"/> says.</summary>
    /// <param name="specPath">The spec file (YAML or JSON).</param>
    /// <param name="dataPath">Labelled training data (CSV with a header).</param>
    /// <param name="seedOverride">A seed to use instead of the spec's.</param>
    /// <param name="progress">Receives a short description of each stage.</param>
    /// <param name="warnings">Receives the data contract's warnings (errors fail training).</param>
    /// <exception cref="GangwayException">The spec or data is invalid, or a file is missing; an error about one row names its CSV line.</exception>
    public ModelBundle Train(string specPath, string dataPath, int? seedOverride = null, IProgress<string>? progress = null, IProgress<string>? warnings = null) =>
        Train(specPath, new CsvFileSource(dataPath), seedOverride, progress, warnings);

    /// <summary>Trains on data from any source, e.g. a business unit's raw file read through its parser.</summary>
    /// <param name="specPath">The spec file (YAML or JSON).</param>
    /// <param name="source">Labelled training data.</param>
    /// <param name="seedOverride">A seed to use instead of the spec's.</param>
    /// <param name="progress">Receives a short description of each stage.</param>
    /// <param name="warnings">Receives the data contract's warnings (errors fail training).</param>
    /// <exception cref="GangwayException">The spec or data is invalid, or a file is missing; an error about one row names its line.</exception>
    public ModelBundle Train(string specPath, ITableSource source, int? seedOverride = null, IProgress<string>? progress = null, IProgress<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var spec = ModelSpecReader.ReadFile(specPath);
        var seed = seedOverride ?? spec.Seed;
        // Building the estimator checks every step's and the learner's arguments, so a misspelt key fails before any data is read.
        _ = SpecEstimatorBuilder.Build(spec, seed, catalog);
        progress?.Report($"reading {source.Description}");
        var data = SpecData.ReadLabelledWithLines(spec, source);
        var lineage = Lineage.CaptureWithDataHash(source.RawSha256(), specPath, seed, _time, source.ParserSha256);
        var specText = File.ReadAllText(specPath);
        return SpecData.AtLines(data.Lines, () => TrainCore(spec, specText, data.Table, data.Lines, lineage, progress, warnings));
    }

    /// <summary>Trains on an in-memory table (the spec may have been built in C#).</summary>
    /// <param name="spec">The spec.</param>
    /// <param name="specText">The spec's text as stored in the bundle (e.g. <see cref="ModelSpecWriter.Write"/>).</param>
    /// <param name="data">Labelled training data holding the spec's inputs and target.</param>
    /// <param name="lineage">Lineage to record; its seed is the one used for training.</param>
    /// <param name="progress">Receives a short description of each stage.</param>
    /// <param name="warnings">Receives the data contract's warnings (errors fail training).</param>
    /// <exception cref="GangwayException">The data does not fit the spec or breaks its contract.</exception>
    public ModelBundle Train(ModelSpec spec, string specText, Table data, Lineage lineage, IProgress<string>? progress = null, IProgress<string>? warnings = null) =>
        TrainCore(spec, specText, data, null, lineage, progress, warnings);

    private ModelBundle TrainCore(ModelSpec spec, string specText, Table data, IReadOnlyList<long>? lines, Lineage lineage, IProgress<string>? progress, IProgress<string>? warnings)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(lineage);
        data = SpecData.Conform(spec, data, includeTarget: true);
        data.RequireRows($"train '{spec.Name}'");
        if (spec.Contract is not null)
        {
            progress?.Report("checking the data contract");
            ContractCheck.Labelled(spec, data, lines, "The training data", warnings);
        }

        progress?.Report($"fitting {spec.Features.Count} feature step(s) and {spec.Learner.Name}");
        var model = SpecEstimatorBuilder.BuildModel(spec, lineage.Seed, catalog).Fit(data);
        UnreadInputs.Check(spec, model);

        progress?.Report("scoring the training data");
        var scored = model.Transform(data);
        var report = new BinaryClassificationEvaluator(new BinaryClassificationEvaluatorOptions
        {
            LabelColumn = spec.Target.Column,
            PositiveClass = spec.Target.PositiveClass,
        }).Evaluate(scored);

        progress?.Report("profiling the training data");
        var profile = DataProfiler.Profile(data, [.. SpecData.ColumnNames(spec, includeTarget: true).Where(data.Contains)]);
        // The upsell counterfactual sets each declared field to its tier's typical training value, so keep those values.
        foreach (var field in spec.Upsell?.Fields ?? [])
        {
            profile = profile.WithGroupMedians(data, spec.Upsell!.Column, field.Column);
        }

        var metrics = new JsonObject { ["training"] = JsonNode.Parse(report.ToJson()) };
        if (FittedSteps.Of(model) is [.., BinaryClassifierTransformer { Calibration: { } calibration }])
        {
            metrics["calibration"] = calibration.ToJson();
        }

        var schema = new InputSchema(
            [.. spec.IdColumns.Select(c => new InputColumn(c.Name, c.Type, ColumnRole.Id)),
             .. spec.Inputs.Select(c => new InputColumn(c.Name, c.Type, ColumnRole.Feature))],
            spec.Target.Column,
            spec.Target.PositiveClass);
        var examples = WithAbsentIds(data.Take([.. Enumerable.Range(0, Math.Min(ExampleRowCount, data.RowCount))]), spec);
        var contractText = spec.Contract is null ? null : DataSchemaWriter.Write(spec.Contract);
        lineage = lineage.ParsedDataSha256 is null ? lineage with { ParsedDataSha256 = CanonicalHash(data) } : lineage;
        var reference = MonitoringReference.Sketch(schema, PersonalDataMask.Of(spec.Contract), data, scored);
        return new ModelBundle(spec.Name, lineage.TrainedAtUtc, specText, schema, profile, metrics, lineage, examples, model, contractText, reference);
    }

    // Training data may lack the ids; the bundle's example rows still have every input column, the ids missing.
    private static Table WithAbsentIds(Table examples, ModelSpec spec) => examples.With([.. spec.IdColumns
        .Where(id => !examples.Contains(id.Name))
        .Select(id => id.Type == ColumnType.Numeric
            ? (Column)new NumericColumn(id.Name, Enumerable.Repeat(double.NaN, examples.RowCount).ToArray())
            : new TextColumn(id.Name, new string?[examples.RowCount]))]);

    // The hash of the data as the model saw it, independent of the raw format it came in.
    private static string CanonicalHash(Table data)
    {
        using var text = new StringWriter();
        CsvWriter.Write(data, text);
        return Hashing.Sha256(CsvWriter.Encoding.GetBytes(text.ToString()));
    }
}
