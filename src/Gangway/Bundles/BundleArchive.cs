using System.IO.Compression;
using System.Text;

namespace Gangway.Bundles;

/// <summary>
/// An opened bundle file whose manifest has been verified. The zip is untrusted input: entry names and declared sizes
/// are checked before anything is read, reads are capped at the size the manifest declares, and every entry's bytes
/// must match its SHA-256 before they are returned.
/// </summary>
internal sealed class BundleArchive : IDisposable
{
    /// <summary>No entry may declare more than 1 GiB.</summary>
    public const long MaxEntrySize = 1L << 30;

    private const int MaxEntries = 100_000;

    // The manifest is read before anything is verified, so it gets a much smaller cap than other entries.
    private const long MaxManifestSize = 16L << 20;
    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _entries;

    private BundleArchive(string path, ZipArchive zip, Dictionary<string, ZipArchiveEntry> entries)
    {
        Path = path;
        _zip = zip;
        _entries = entries;
        var manifest = ReadRaw(BundleEntryNames.Manifest, MaxManifestSize);
        var expected = Encoding.ASCII.GetString(ReadRaw(BundleEntryNames.ManifestHash, 1024)).Trim();
        if (!string.Equals(Hashing.Sha256(manifest), expected, StringComparison.Ordinal))
        {
            throw Corrupt($"'{BundleEntryNames.Manifest}' does not match '{BundleEntryNames.ManifestHash}' (the file is corrupt or was modified)");
        }

        try
        {
            Manifest = GangwayJson.Deserialize<BundleManifest>(manifest, BundleEntryNames.Manifest);
        }
        catch (GangwayException ex)
        {
            throw new GangwayException(ErrorKind.CorruptArtifact, $"Bundle '{path}': {ex.Message}", ex);
        }

        CheckManifest();
    }

    public string Path { get; }

    public BundleManifest Manifest { get; }

    /// <summary>Opens the file, checks every entry name and size, and verifies the manifest and the entry list.</summary>
    public static BundleArchive Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new GangwayException(ErrorKind.NotFound, $"Bundle '{path}' does not exist.");
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            var zip = OpenZip(path, stream);
            try
            {
                return new BundleArchive(path, zip, IndexEntries(path, zip));
            }
            catch
            {
                zip.Dispose();
                throw;
            }
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The bytes of a manifest entry, after checking its size and SHA-256.</summary>
    public byte[] ReadVerified(BundleEntry entry)
    {
        var content = ReadRaw(entry.Name, entry.Size);
        if (content.LongLength != entry.Size)
        {
            throw Corrupt($"entry '{entry.Name}' has {content.LongLength} bytes but the manifest says {entry.Size}");
        }

        if (!string.Equals(Hashing.Sha256(content), entry.Sha256, StringComparison.Ordinal))
        {
            throw Corrupt($"entry '{entry.Name}' does not match its SHA-256 in the manifest (the file is corrupt or was modified)");
        }

        return content;
    }

    public GangwayException Corrupt(string problem) => new(ErrorKind.CorruptArtifact, $"Bundle '{Path}': {problem}.");

    public void Dispose() => _zip.Dispose();

    private static ZipArchive OpenZip(string path, FileStream stream)
    {
        try
        {
            return new ZipArchive(stream, ZipArchiveMode.Read);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentException or NotSupportedException)
        {
            throw new GangwayException(ErrorKind.CorruptArtifact, $"'{path}' is not a Gangway bundle or is truncated.", ex);
        }
    }

    private static Dictionary<string, ZipArchiveEntry> IndexEntries(string path, ZipArchive zip)
    {
        if (zip.Entries.Count > MaxEntries)
        {
            throw new GangwayException(ErrorKind.CorruptArtifact, $"Bundle '{path}': it has {zip.Entries.Count} entries; at most {MaxEntries} are allowed.");
        }

        var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            string? problem = null;
            if (!BundleEntryNames.IsSafe(entry.FullName))
            {
                problem = "has an unsafe name (absolute, '..', backslash or control character)";
            }
            else if (entry.Length is < 0 or > MaxEntrySize)
            {
                problem = $"declares {entry.Length} bytes; at most {MaxEntrySize} are allowed";
            }
            else if (!entries.TryAdd(entry.FullName, entry))
            {
                problem = "appears more than once";
            }

            if (problem is not null)
            {
                throw new GangwayException(ErrorKind.CorruptArtifact, $"Bundle '{path}': entry '{entry.FullName}' {problem}.");
            }
        }

        foreach (var name in new[] { BundleEntryNames.Manifest, BundleEntryNames.ManifestHash })
        {
            if (!entries.ContainsKey(name))
            {
                throw new GangwayException(ErrorKind.CorruptArtifact, $"'{path}' is not a Gangway bundle: it has no '{name}'.");
            }
        }

        return entries;
    }

    private void CheckManifest()
    {
        if (Manifest.FormatVersion > BundleManifest.CurrentFormatVersion)
        {
            throw new GangwayException(
                ErrorKind.InvalidInput,
                $"Bundle '{Path}' has format version {Manifest.FormatVersion}, written by Gangway {Manifest.GangwayVersion}; "
                + $"this Gangway ({GangwayVersion.Current}) reads format versions up to {BundleManifest.CurrentFormatVersion}. Upgrade Gangway to load it.");
        }

        if (Manifest.FormatVersion < 1)
        {
            throw Corrupt($"format version {Manifest.FormatVersion} is not valid");
        }

        if (string.IsNullOrWhiteSpace(Manifest.ModelName))
        {
            throw Corrupt("the manifest has no model name");
        }

        var listed = new HashSet<string>(StringComparer.Ordinal) { BundleEntryNames.Manifest, BundleEntryNames.ManifestHash };
        foreach (var entry in Manifest.Entries)
        {
            if (entry is null || !BundleEntryNames.IsSafe(entry.Name) || !Hashing.IsSha256Hex(entry.Sha256) || entry.Size is < 0 or > MaxEntrySize)
            {
                throw Corrupt($"the manifest has an invalid entry {entry}");
            }

            if (!listed.Add(entry.Name))
            {
                throw Corrupt($"the manifest lists entry '{entry.Name}' more than once");
            }

            if (!_entries.ContainsKey(entry.Name))
            {
                throw Corrupt($"entry '{entry.Name}' listed in the manifest is missing");
            }
        }

        var extra = _entries.Keys.FirstOrDefault(name => !listed.Contains(name));
        if (extra is not null)
        {
            throw Corrupt($"entry '{extra}' is not listed in the manifest");
        }
    }

    // Reads at most one byte more than allowed, so an entry that inflates beyond its declared size is caught without
    // ever holding more than the limit in memory.
    private byte[] ReadRaw(string name, long limit)
    {
        var entry = _entries[name];
        if (entry.Length > limit)
        {
            throw Corrupt($"entry '{name}' declares {entry.Length} bytes; expected at most {limit}");
        }

        try
        {
            using var input = entry.Open();
            var buffer = new byte[entry.Length];
            input.ReadExactly(buffer);
            if (input.ReadByte() >= 0)
            {
                throw Corrupt($"entry '{name}' holds more bytes than it declares");
            }

            return buffer;
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or IOException or NotSupportedException)
        {
            throw new GangwayException(ErrorKind.CorruptArtifact, $"Bundle '{Path}': entry '{name}' cannot be read ({ex.Message}).", ex);
        }
    }
}
