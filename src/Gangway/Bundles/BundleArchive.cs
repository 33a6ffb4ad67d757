using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Gangway.Bundles;

/// <summary>
/// An opened bundle file whose manifest has been verified. The zip is untrusted input: entry names and declared sizes
/// (each, and in all) are checked before anything is read, reads are capped at the size the manifest declares, and
/// every entry is hashed while it streams, so a damaged or inflating entry is found before any entry is held in memory.
/// </summary>
internal sealed class BundleArchive : IDisposable
{
    /// <summary>No entry may declare more than 1 GiB.</summary>
    public const long MaxEntrySize = 1L << 30;

    /// <summary>All entries together may not declare more than 1 GiB uncompressed.</summary>
    public const long MaxTotalSize = 1L << 30;

    private const int StreamBufferBytes = 1 << 16;

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

    /// <summary>
    /// Streams every listed entry through SHA-256 with a small buffer, checking its size and digest, so a damaged entry
    /// or one that inflates beyond its declared size is found without holding any entry in memory.
    /// </summary>
    public void VerifyEntries()
    {
        var buffer = new byte[StreamBufferBytes];
        foreach (var entry in Manifest.Entries)
        {
            HashWhileReading(entry, content: null, buffer);
        }
    }

    /// <summary>The bytes of a manifest entry, checking its size and SHA-256 while they are read.</summary>
    public byte[] ReadVerified(BundleEntry entry)
    {
        var content = new byte[entry.Size];
        HashWhileReading(entry, content, new byte[1]);
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
        var total = 0L;
        foreach (var entry in zip.Entries)
        {
            string? problem = null;
            total += Math.Max(0, entry.Length);
            if (!BundleEntryNames.IsSafe(entry.FullName))
            {
                problem = "has an unsafe name (absolute, '..', backslash or control character)";
            }
            else if (entry.Length is < 0 or > MaxEntrySize)
            {
                problem = $"declares {entry.Length} bytes; at most {MaxEntrySize} are allowed";
            }
            else if (total > MaxTotalSize)
            {
                problem = $"brings the declared uncompressed size of the bundle to {total} bytes; at most {MaxTotalSize} (1 GiB) are allowed in all";
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

            if (!_entries.TryGetValue(entry.Name, out var stored))
            {
                throw Corrupt($"entry '{entry.Name}' listed in the manifest is missing");
            }

            if (stored.Length != entry.Size)
            {
                throw Corrupt($"entry '{entry.Name}' declares {stored.Length} bytes in the zip but the manifest says {entry.Size}");
            }
        }

        var extra = _entries.Keys.FirstOrDefault(name => !listed.Contains(name));
        if (extra is not null)
        {
            throw Corrupt($"entry '{extra}' is not listed in the manifest");
        }
    }

    // Reads the entry into content (sized to the manifest's declaration) or through the scratch buffer, hashing as it
    // goes and stopping as soon as it holds more bytes than declared.
    private void HashWhileReading(BundleEntry listed, byte[]? content, byte[] scratch)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var length = 0L;
        try
        {
            using var input = _entries[listed.Name].Open();
            while (length <= listed.Size)
            {
                var target = content is not null && length < content.Length ? content.AsSpan((int)length) : scratch;
                var read = input.Read(target);
                if (read == 0)
                {
                    break;
                }

                hash.AppendData(target[..read]);
                length += read;
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException)
        {
            throw new GangwayException(ErrorKind.CorruptArtifact, $"Bundle '{Path}': entry '{listed.Name}' cannot be read ({ex.Message}).", ex);
        }

        if (length != listed.Size)
        {
            throw Corrupt($"entry '{listed.Name}' has {(length > listed.Size ? "more than " : "")}{length} bytes but the manifest says {listed.Size}");
        }

        if (!string.Equals(Convert.ToHexStringLower(hash.GetHashAndReset()), listed.Sha256, StringComparison.Ordinal))
        {
            throw Corrupt($"entry '{listed.Name}' does not match its SHA-256 in the manifest (the file is corrupt or was modified)");
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
