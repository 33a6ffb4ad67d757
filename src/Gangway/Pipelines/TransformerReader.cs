using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gangway.Pipelines;

/// <summary>
/// Reads back the state a transformer wrote with <see cref="TransformerWriter"/>. Every getter fails with a
/// <see cref="GangwayException"/> of kind <see cref="ErrorKind.CorruptArtifact"/> that names the step and the key,
/// so a saved step that was never fitted or was damaged says so plainly.
/// </summary>
public sealed class TransformerReader
{
    private readonly SavedModel _model;
    private readonly JsonObject _node;
    private readonly TransformerCatalog _catalog;

    internal TransformerReader(SavedModel model, JsonObject node, TransformerCatalog catalog)
    {
        _model = model;
        _node = node;
        _catalog = catalog;
        Kind = node["kind"] is JsonValue kind && kind.TryGetValue<string>(out var k)
            ? k
            : throw new GangwayException(ErrorKind.CorruptArtifact, "A saved step has no 'kind'.");
        State = _node["state"] as JsonObject ?? [];
    }

    /// <summary>The kind the transformer was saved under.</summary>
    public string Kind { get; }

    /// <summary>The saved state.</summary>
    public JsonObject State { get; }

    /// <summary>Whether the state has a value under <paramref name="key"/>.</summary>
    public bool Has(string key) => State[key] is not null;

    /// <summary>Reads a required value and converts it with System.Text.Json (plain data types only).</summary>
    public T Get<T>(string key)
    {
        var node = State[key] ?? throw Corrupt(key, "is missing (was the step fitted?)");
        try
        {
            return node.Deserialize<T>() ?? throw Corrupt(key, "is null");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw Corrupt(key, $"has an unexpected value: {ex.Message}");
        }
    }

    /// <summary>Reads an optional value, or <paramref name="fallback"/> when absent.</summary>
    public T GetOrDefault<T>(string key, T fallback) => Has(key) ? Get<T>(key) : fallback;

    /// <summary>Reads a required string.</summary>
    public string GetString(string key) => Get<string>(key);

    /// <summary>Reads a required array of strings (elements may be null).</summary>
    public string?[] GetStrings(string key) => Get<string?[]>(key);

    /// <summary>Reads a required number; a JSON <c>null</c> reads as <see cref="double.NaN"/>.</summary>
    public double GetDouble(string key) => State[key] is null && State.ContainsKey(key) ? double.NaN : Get<double>(key);

    /// <summary>Reads a required array of numbers; JSON <c>null</c> elements read as <see cref="double.NaN"/>.</summary>
    public double[] GetDoubles(string key) => [.. Get<double?[]>(key).Select(v => v ?? double.NaN)];

    /// <summary>Reads a blob written with <see cref="TransformerWriter.WriteBlob"/>.</summary>
    public byte[] ReadBlob(string name)
    {
        var entry = (_node["blobs"] as JsonObject)?[name]?.GetValue<string>() ?? throw Corrupt(name, "blob is missing");
        return _model.ReadBlob(entry);
    }

    /// <summary>Loads a nested transformer written with <see cref="TransformerWriter.WriteTransformer"/>.</summary>
    public ITransformer ReadTransformer(string name)
    {
        var child = (_node["children"] as JsonObject)?[name] as JsonObject ?? throw Corrupt(name, "nested step is missing");
        return _catalog.Load(new TransformerReader(_model, child, _catalog));
    }

    /// <summary>Loads nested transformers written with <see cref="TransformerWriter.WriteTransformers"/>.</summary>
    public IReadOnlyList<ITransformer> ReadTransformers(string name)
    {
        var children = (_node["children"] as JsonObject)?[name] as JsonArray ?? throw Corrupt(name, "nested steps are missing");
        return [.. children.Select(c => _catalog.Load(new TransformerReader(
            _model,
            c as JsonObject ?? throw Corrupt(name, "has an entry that is not an object"),
            _catalog)))];
    }

    /// <summary>The error for saved state that cannot be used.</summary>
    public GangwayException Corrupt(string key, string problem) =>
        new(ErrorKind.CorruptArtifact, $"Saved step '{Kind}': '{key}' {problem}.");
}
