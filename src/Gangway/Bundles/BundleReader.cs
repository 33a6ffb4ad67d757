using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gangway.Monitoring;
using Gangway.Pipelines;
using Gangway.Profiling;

namespace Gangway.Bundles;

/// <summary>
/// Reads and verifies <c>.gwb</c> bundles written by <see cref="BundleWriter"/>. A bundle is treated as untrusted input:
/// entry names, sizes and SHA-256 digests are checked before any content is used, and loading never executes code or
/// deserialises a type named in the file. JSON entries are read into Gangway's own record types or <see cref="JsonNode"/>;
/// the model is rebuilt by <see cref="SavedModel.Load"/>, which only calls loaders registered in a
/// <see cref="TransformerCatalog"/>. An ML.NET model stored as a blob is loaded by ML.NET's own loader, which only
/// instantiates ML.NET's registered loadable components (it may load an assembly the application already has, by the name
/// in the ML.NET model header, but never code from the bundle). The hashes detect corruption and naive edits, not a
/// deliberate attacker; see docs/bundle-format.md. Thread-safe (stateless).
/// </summary>
public static class BundleReader
{
    /// <summary>The largest size any single entry may declare (1 GiB); larger entries are rejected unread.</summary>
    public const long MaxEntrySize = BundleArchive.MaxEntrySize;

    /// <summary>The largest uncompressed size all entries together may declare (1 GiB); a larger bundle is rejected unread.</summary>
    public const long MaxTotalSize = BundleArchive.MaxTotalSize;

    /// <summary>
    /// Reads only the manifest, for showing what a bundle holds without loading the model: checks that the file is a zip
    /// with safe entry names and sizes, that <c>manifest.json</c> matches <c>manifest.sha256</c>, that the format version
    /// is supported, and that the zip holds exactly the entries the manifest lists. Other entries are not read or hashed;
    /// <see cref="Read"/> does that.
    /// </summary>
    /// <exception cref="GangwayException">
    /// The file does not exist (<see cref="ErrorKind.NotFound"/>); it is not a bundle, truncated or corrupt
    /// (<see cref="ErrorKind.CorruptArtifact"/>); or it has a newer format version (<see cref="ErrorKind.InvalidInput"/>).
    /// </exception>
    public static BundleManifest ReadManifest(string path)
    {
        using var archive = BundleArchive.Open(path);
        return archive.Manifest;
    }

    /// <summary>
    /// Reads, verifies and loads a bundle: everything <see cref="ReadManifest"/> checks, plus the size and SHA-256 of every
    /// entry (streamed through the hash before any entry is kept in memory), then parses each part and loads the model
    /// through <paramref name="catalog"/>.
    /// </summary>
    /// <param name="path">The <c>.gwb</c> file.</param>
    /// <param name="catalog">The catalog whose loaders rebuild the model; <see cref="GangwayCatalog.BuiltIn"/> when <see langword="null"/>.</param>
    /// <exception cref="GangwayException">
    /// As for <see cref="ReadManifest"/>; an entry is damaged, missing or extra, or a part is malformed
    /// (<see cref="ErrorKind.CorruptArtifact"/>, naming the entry); or the model uses a step kind the catalog does not know
    /// (<see cref="ErrorKind.NotFound"/>).
    /// </exception>
    public static ModelBundle Read(string path, GangwayCatalog? catalog = null)
    {
        using var archive = BundleArchive.Open(path);
        archive.VerifyEntries();
        var entries = archive.Manifest.Entries
            .Select(e => KeyValuePair.Create(e.Name, archive.ReadVerified(e)))
            .ToList();
        var content = entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        var missing = BundleEntryNames.Required.FirstOrDefault(name => !content.ContainsKey(name));
        if (missing is not null)
        {
            throw archive.Corrupt($"it has no '{missing}'");
        }

        try
        {
            var schema = InputSchema.FromUtf8(content[BundleEntryNames.Schema]);
            return new ModelBundle(
                archive.Manifest,
                DecodeText(content[BundleEntryNames.Spec]),
                schema,
                DataProfile.FromUtf8(content[BundleEntryNames.Profile]),
                ParseObject(content[BundleEntryNames.Metrics], BundleEntryNames.Metrics),
                Lineage.FromUtf8(content[BundleEntryNames.Lineage]),
                ExampleRows.FromJson(content[BundleEntryNames.Examples], schema),
                LoadModel(content, catalog),
                entries,
                content.TryGetValue(BundleEntryNames.Contract, out var contract) ? DecodeText(contract) : null,
                content.TryGetValue(BundleEntryNames.Reference, out var reference) ? TableSketch.FromUtf8(reference, BundleEntryNames.Reference) : null);
        }
        catch (GangwayException ex) when (ex.Kind == ErrorKind.CorruptArtifact)
        {
            throw archive.Corrupt(ex.Message.TrimEnd('.'));
        }
    }

    private static ITransformer LoadModel(Dictionary<string, byte[]> content, GangwayCatalog? catalog)
    {
        var model = content
            .Where(e => e.Key.StartsWith(BundleEntryNames.ModelPrefix, StringComparison.Ordinal))
            .ToDictionary(e => e.Key[BundleEntryNames.ModelPrefix.Length..], e => e.Value, StringComparer.Ordinal);
        return SavedModel.FromEntries(model).Load(catalog);
    }

    private static string DecodeText(byte[] utf8)
    {
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(utf8);
        }
        catch (DecoderFallbackException ex)
        {
            throw new GangwayException(ErrorKind.CorruptArtifact, $"'{BundleEntryNames.Spec}' is not valid UTF-8.", ex);
        }
    }

    private static JsonObject ParseObject(byte[] utf8, string entry)
    {
        try
        {
            return JsonNode.Parse(utf8) as JsonObject
                ?? throw new GangwayException(ErrorKind.CorruptArtifact, $"'{entry}' is not a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new GangwayException(ErrorKind.CorruptArtifact, $"'{entry}' is not valid JSON: {ex.Message}", ex);
        }
    }
}
