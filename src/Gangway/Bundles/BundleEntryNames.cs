namespace Gangway.Bundles;

/// <summary>The fixed entry names of format version 1, and the rule every entry name must follow.</summary>
internal static class BundleEntryNames
{
    public const string Manifest = "manifest.json";
    public const string ManifestHash = "manifest.sha256";
    public const string Spec = "spec.yaml";
    public const string Schema = "schema.json";
    public const string Profile = "profile.json";
    public const string Metrics = "metrics.json";
    public const string Lineage = "lineage.json";
    public const string Examples = "examples.json";

    /// <summary>The data contract (schema YAML), present when the spec names one.</summary>
    public const string Contract = "contract.yaml";

    /// <summary>The training reference for drift monitoring (a table sketch); optional, absent from bundles written before it.</summary>
    public const string Reference = "reference.json";

    /// <summary>The saved model's entries (<c>model.json</c> and its blobs) live under this folder.</summary>
    public const string ModelPrefix = "model/";

    /// <summary>The entries every version-1 bundle has besides the manifest, in the order they are stored.</summary>
    public static IReadOnlyList<string> Required { get; } =
        [Spec, Schema, Profile, Metrics, Lineage, Examples, ModelPrefix + Pipelines.SavedModel.DocumentEntry];

    /// <summary>
    /// A relative path of non-empty segments separated by '/', none of them "." or "..", with no backslash, colon or
    /// control character: a name that cannot point outside the bundle or be read differently on another platform.
    /// </summary>
    public static bool IsSafe(string name) =>
        name.Length is > 0 and <= 512
        && !name.Any(c => char.IsControl(c) || c is '\\' or ':')
        && name.Split('/').All(segment => segment is not ("" or "." or ".."));
}
