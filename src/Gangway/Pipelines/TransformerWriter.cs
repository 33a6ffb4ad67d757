using System.Text.Json.Nodes;

namespace Gangway.Pipelines;

/// <summary>
/// Collects the saved state of one transformer: a JSON object of plain values, optional binary blobs and nested transformers.
/// Nothing in a saved transformer names a .NET type; loading goes through <see cref="TransformerCatalog"/> by kind.
/// </summary>
public sealed class TransformerWriter
{
    private readonly SavedModel _model;
    private readonly string _path;
    private readonly JsonObject _node;

    internal TransformerWriter(SavedModel model, string path, JsonObject node)
    {
        _model = model;
        _path = path;
        _node = node;
        State = [];
        node["state"] = State;
    }

    /// <summary>The transformer's learned values and options as JSON (numbers, strings, arrays, objects).</summary>
    public JsonObject State { get; }

    /// <summary>Stores binary content (e.g. an ML.NET model) under <paramref name="name"/>.</summary>
    public void WriteBlob(string name, byte[] content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(content);
        var entry = $"{_path}{name}.bin";
        _model.Blobs.Add(entry, content);
        var blobs = _node["blobs"] as JsonObject ?? [];
        blobs[name] = entry;
        _node["blobs"] = blobs;
    }

    /// <summary>Saves a nested transformer under <paramref name="name"/>.</summary>
    public void WriteTransformer(string name, ITransformer transformer)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        Children()[name] = _model.SaveNode(transformer, $"{_path}{name}/");
    }

    /// <summary>Saves an ordered list of nested transformers under <paramref name="name"/>.</summary>
    public void WriteTransformers(string name, IEnumerable<ITransformer> transformers)
    {
        ArgumentNullException.ThrowIfNull(transformers);
        var array = new JsonArray();
        var i = 0;
        foreach (var transformer in transformers)
        {
            array.Add(_model.SaveNode(transformer, $"{_path}{name}/{i++}/"));
        }

        Children()[name] = array;
    }

    private JsonObject Children()
    {
        var children = _node["children"] as JsonObject ?? [];
        _node["children"] = children;
        return children;
    }
}
