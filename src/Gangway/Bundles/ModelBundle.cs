using System.Text;
using System.Text.Json.Nodes;
using Gangway.Data;
using Gangway.Monitoring;
using Gangway.Pipelines;
using Gangway.Profiling;
using Gangway.Schema;

namespace Gangway.Bundles;

/// <summary>
/// Everything needed to serve and audit one trained model, stored as one <c>.gwb</c> file: the fitted pipeline, the spec
/// it came from, its input schema, the training data profile, metrics, lineage and example rows. Immutable: the content
/// is serialised when the bundle is created (or kept as read), so <see cref="Manifest"/> always describes exactly what
/// <see cref="BundleWriter.Write"/> stores. Thread-safe to share. See docs/bundle-format.md.
/// </summary>
public sealed class ModelBundle
{
    private readonly JsonObject _metrics;
    private readonly TableSketch? _reference;

    /// <summary>Creates a bundle from its parts; the model is saved (and every part serialised) now.</summary>
    /// <param name="name">The model's name.</param>
    /// <param name="createdUtc">When the bundle was made; recorded in the manifest (pass the training time for reproducible files).</param>
    /// <param name="specText">The spec file's text exactly as written; stored as <c>spec.yaml</c> in UTF-8.</param>
    /// <param name="schema">The input the model expects.</param>
    /// <param name="profile">The profile of the training data.</param>
    /// <param name="metrics">Training metrics; copied. Must not hold NaN or infinity (use null).</param>
    /// <param name="lineage">Where the model came from.</param>
    /// <param name="examples">A few input rows for a self-check at start-up; only the schema's columns are kept, in schema order.</param>
    /// <param name="model">The fitted pipeline.</param>
    /// <param name="contractText">The data contract's schema YAML, stored as <c>contract.yaml</c>; null when there is none.</param>
    /// <param name="reference">The training reference for drift monitoring, stored as <c>reference.json</c>; null for none. Copied.</param>
    /// <exception cref="GangwayException">An example column is missing or has the wrong type, or the contract is invalid.</exception>
    public ModelBundle(
        string name,
        DateTimeOffset createdUtc,
        string specText,
        InputSchema schema,
        DataProfile profile,
        JsonObject metrics,
        Lineage lineage,
        Table examples,
        ITransformer model,
        string? contractText = null,
        TableSketch? reference = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(specText);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(lineage);
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(model);
        Name = name;
        SpecText = specText;
        Schema = schema;
        Profile = profile;
        _metrics = metrics.DeepClone().AsObject();
        Lineage = lineage;
        Examples = ExampleRows.Conform(examples, schema);
        Model = model;
        ContractText = contractText;
        Contract = contractText is null ? null : DataSchemaReader.Parse(contractText, BundleEntryNames.Contract);
        _reference = reference?.Clone();

        var entries = new List<KeyValuePair<string, byte[]>>
        {
            new(BundleEntryNames.Spec, new UTF8Encoding(false).GetBytes(specText)),
            new(BundleEntryNames.Schema, GangwayJson.Serialize(schema)),
            new(BundleEntryNames.Profile, GangwayJson.Serialize(profile)),
            new(BundleEntryNames.Metrics, GangwayJson.Serialize(_metrics)),
            new(BundleEntryNames.Lineage, GangwayJson.Serialize(lineage)),
            new(BundleEntryNames.Examples, ExampleRows.ToJson(Examples)),
        };
        if (contractText is not null)
        {
            entries.Add(new(BundleEntryNames.Contract, new UTF8Encoding(false).GetBytes(contractText)));
        }

        if (_reference is not null)
        {
            entries.Add(new(BundleEntryNames.Reference, _reference.ToUtf8()));
        }

        var saved = SavedModel.From(model).ToEntries();
        entries.Add(new(BundleEntryNames.ModelPrefix + SavedModel.DocumentEntry, saved[SavedModel.DocumentEntry]));
        entries.AddRange(saved
            .Where(e => e.Key != SavedModel.DocumentEntry)
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => KeyValuePair.Create(BundleEntryNames.ModelPrefix + e.Key, e.Value)));
        Entries = entries;
        Manifest = new BundleManifest(
            BundleManifest.CurrentFormatVersion,
            name,
            createdUtc.ToUniversalTime(),
            GangwayVersion.Current,
            [.. entries.Select(e => new BundleEntry(e.Key, Hashing.Sha256(e.Value), e.Value.LongLength))]);
    }

    // Used by BundleReader: keeps the verified bytes so writing a read bundle reproduces the file.
    internal ModelBundle(
        BundleManifest manifest,
        string specText,
        InputSchema schema,
        DataProfile profile,
        JsonObject metrics,
        Lineage lineage,
        Table examples,
        ITransformer model,
        IReadOnlyList<KeyValuePair<string, byte[]>> entries,
        string? contractText,
        TableSketch? reference)
    {
        _reference = reference;
        ContractText = contractText;
        Contract = contractText is null ? null : DataSchemaReader.Parse(contractText, BundleEntryNames.Contract);
        Manifest = manifest;
        Name = manifest.ModelName;
        SpecText = specText;
        Schema = schema;
        Profile = profile;
        _metrics = metrics;
        Lineage = lineage;
        Examples = examples;
        Model = model;
        Entries = entries;
    }

    /// <summary>The model's name (also <see cref="BundleManifest.ModelName"/>).</summary>
    public string Name { get; }

    /// <summary>The table of contents, with the SHA-256 of every entry.</summary>
    public BundleManifest Manifest { get; }

    /// <summary>The spec file's text exactly as written.</summary>
    public string SpecText { get; }

    /// <summary>The input the model expects.</summary>
    public InputSchema Schema { get; }

    /// <summary>The profile of the training data (the baseline for drift monitoring).</summary>
    public DataProfile Profile { get; }

    /// <summary>
    /// The training reference for drift monitoring (a sketch of the model's feature columns and outputs on the training
    /// data), or null for a bundle written before it was stored; <see cref="MonitoringReference.Of"/> falls back to
    /// <see cref="Profile"/> then. Each call returns a new copy, so adding to it does not change the bundle.
    /// </summary>
    public TableSketch? Reference => _reference?.Clone();

    /// <summary>The training metrics; each call returns a new copy, so changing it does not change the bundle.</summary>
    public JsonObject Metrics => _metrics.DeepClone().AsObject();

    /// <summary>Where the model came from.</summary>
    public Lineage Lineage { get; }

    /// <summary>Example input rows (the schema's columns, in schema order) to score as a self-check.</summary>
    public Table Examples { get; }

    /// <summary>The data contract the model's inputs are validated against, or null when the spec named none.</summary>
    public DataSchema? Contract { get; }

    /// <summary>
    /// The part of <see cref="Contract"/> the model reads (its input columns, plus the target when
    /// <paramref name="includeTarget"/>), with the id columns marked <see cref="ContractRole.Id"/> and the target
    /// <see cref="ContractRole.Label"/>, so data without them passes; null when the spec named no contract.
    /// </summary>
    public DataSchema? InputContract(bool includeTarget = false)
    {
        var names = Schema.Columns.Select(c => c.Name);
        return Contract?
            .Select(includeTarget ? names.Append(Schema.Target) : names)
            .WithRoles(Schema.Columns.Where(c => c.Role == ColumnRole.Id).Select(c => c.Name), Schema.Target);
    }

    /// <summary>The contract's schema YAML as stored, or null.</summary>
    public string? ContractText { get; }

    /// <summary>The fitted pipeline.</summary>
    public ITransformer Model { get; }

    /// <summary>The entries listed in the manifest, in the same order, with their bytes.</summary>
    internal IReadOnlyList<KeyValuePair<string, byte[]>> Entries { get; }
}
