using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gangway.Pipelines;

/// <summary>
/// The saved form of a fitted transformer tree: one JSON document (<c>model.json</c>) plus named binary blobs.
/// It holds data only; turning it back into transformers goes through <see cref="TransformerCatalog"/>, which
/// only knows registered kinds, so loading never instantiates a type named in the file.
/// </summary>
public sealed class SavedModel
{
    /// <summary>The entry name of the JSON document within <see cref="ToEntries"/>.</summary>
    public const string DocumentEntry = "model.json";

    private SavedModel(JsonObject root, Dictionary<string, byte[]> blobs)
    {
        Root = root;
        Blobs = blobs;
    }

    /// <summary>The JSON tree: <c>{"kind": ..., "state": {...}, "children": {...}, "blobs": {...}}</c>.</summary>
    public JsonObject Root { get; }

    internal Dictionary<string, byte[]> Blobs { get; }

    /// <summary>Saves a fitted transformer (and everything nested in it).</summary>
    public static SavedModel From(ITransformer transformer)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        var model = new SavedModel([], new Dictionary<string, byte[]>(StringComparer.Ordinal));
        var root = model.SaveNode(transformer, "blobs/");
        foreach (var property in root.ToList())
        {
            root.Remove(property.Key);
            model.Root[property.Key] = property.Value;
        }

        return model;
    }

    /// <summary>Rebuilds a saved model from entries written by <see cref="ToEntries"/>.</summary>
    /// <exception cref="GangwayException">The document is missing or is not valid JSON (<see cref="ErrorKind.CorruptArtifact"/>).</exception>
    public static SavedModel FromEntries(IReadOnlyDictionary<string, byte[]> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (!entries.TryGetValue(DocumentEntry, out var document))
        {
            throw new GangwayException(ErrorKind.CorruptArtifact, $"The saved model has no '{DocumentEntry}'.");
        }

        JsonObject root;
        try
        {
            root = JsonNode.Parse(document) as JsonObject
                ?? throw new GangwayException(ErrorKind.CorruptArtifact, $"'{DocumentEntry}' is not a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new GangwayException(ErrorKind.CorruptArtifact, $"'{DocumentEntry}' is not valid JSON: {ex.Message}", ex);
        }

        var blobs = entries.Where(e => e.Key != DocumentEntry).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        return new SavedModel(root, blobs);
    }

    /// <summary>The entries to store: <see cref="DocumentEntry"/> and one entry per blob.</summary>
    public IReadOnlyDictionary<string, byte[]> ToEntries()
    {
        var entries = new Dictionary<string, byte[]>(Blobs, StringComparer.Ordinal)
        {
            [DocumentEntry] = Encoding.UTF8.GetBytes(Root.ToJsonString(new JsonSerializerOptions { WriteIndented = true })),
        };
        return entries;
    }

    /// <summary>Loads the transformer tree through the loaders of <paramref name="catalog"/> (default: <see cref="GangwayCatalog.BuiltIn"/>).</summary>
    /// <exception cref="GangwayException">An unknown kind, or state that is missing or malformed.</exception>
    public ITransformer Load(GangwayCatalog? catalog = null)
    {
        var transformers = (catalog ?? GangwayCatalog.BuiltIn).Transformers;
        return transformers.Load(new TransformerReader(this, Root, transformers));
    }

    internal JsonObject SaveNode(ITransformer transformer, string path)
    {
        var node = new JsonObject { ["kind"] = transformer.Kind };
        transformer.Save(new TransformerWriter(this, path, node));
        return node;
    }

    internal byte[] ReadBlob(string entry) =>
        Blobs.TryGetValue(entry, out var content)
            ? content
            : throw new GangwayException(ErrorKind.CorruptArtifact, $"The saved model refers to '{entry}', which is missing.");
}
