namespace Gangway.Bundles;

/// <summary>One file inside a bundle, as listed in its manifest.</summary>
/// <param name="Name">The entry path inside the zip, with '/' separators (e.g. <c>model/model.json</c>).</param>
/// <param name="Sha256">SHA-256 of the entry's bytes, 64 lowercase hex digits.</param>
/// <param name="Size">The entry's size in bytes (uncompressed).</param>
public sealed record BundleEntry(string Name, string Sha256, long Size);

/// <summary>
/// The table of contents of a model bundle (<c>manifest.json</c>): what it holds and the SHA-256 of every other entry.
/// The manifest's own SHA-256 is stored in the final <c>manifest.sha256</c> entry. Together they detect corruption and
/// accidental or naive edits, not a deliberate attacker who rewrites an entry, the manifest and its hash; signing the
/// manifest is future work. See docs/bundle-format.md.
/// </summary>
/// <param name="FormatVersion">The bundle format version; readers refuse versions newer than <see cref="CurrentFormatVersion"/>.</param>
/// <param name="ModelName">The model's name.</param>
/// <param name="CreatedUtc">When the bundle was made (given by the caller, not read from the clock at write time).</param>
/// <param name="GangwayVersion">The Gangway version that made the bundle.</param>
/// <param name="Entries">Every entry except <c>manifest.json</c> and <c>manifest.sha256</c>, in the order stored.</param>
public sealed record BundleManifest(
    int FormatVersion,
    string ModelName,
    DateTimeOffset CreatedUtc,
    string GangwayVersion,
    IReadOnlyList<BundleEntry> Entries)
{
    /// <summary>The format version this version of Gangway writes and the newest it reads.</summary>
    public const int CurrentFormatVersion = 1;
}
