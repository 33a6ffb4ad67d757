using System.IO.Compression;
using System.Text;

namespace Gangway.Bundles;

/// <summary>
/// Writes a <see cref="ModelBundle"/> as one <c>.gwb</c> zip file. Writing is atomic: the file appears complete or not
/// at all. The output is deterministic: the same bundle content gives a byte-identical file on the same platform and
/// runtime (fixed entry order, fixed timestamps, no clock reads). Thread-safe (stateless).
/// </summary>
public static class BundleWriter
{
    /// <summary>The conventional file extension of a bundle.</summary>
    public const string Extension = ".gwb";

    // The earliest time a zip (DOS) timestamp can hold; any constant works, this one reads as "not a real time".
    private static readonly DateTimeOffset EntryTimestamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Writes <paramref name="bundle"/> to <paramref name="path"/>, replacing an existing file. The zip holds
    /// <c>manifest.json</c>, then the entries in manifest order, then <c>manifest.sha256</c>. It is first written to a
    /// temporary file in the same directory, flushed to disk and then moved over <paramref name="path"/>; on any failure
    /// the temporary file is deleted, so no partial bundle is ever left behind.
    /// </summary>
    /// <exception cref="GangwayException">
    /// The directory does not exist (<see cref="ErrorKind.NotFound"/>), or the file cannot be written (<see cref="ErrorKind.InvalidInput"/>).
    /// </exception>
    public static void Write(ModelBundle bundle, string path)
    {
        WriteFile(bundle, path);
    }

    /// <summary>The bytes <see cref="Write"/> would write, for keeping a bundle somewhere other than a file (e.g. a model store).</summary>
    public static byte[] ToBytes(ModelBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        using var stream = new MemoryStream();
        WriteZip(bundle, stream);
        return stream.ToArray();
    }

    private static void WriteFile(ModelBundle bundle, string path)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)!;
        if (!Directory.Exists(directory))
        {
            throw new GangwayException(ErrorKind.NotFound, $"Cannot write bundle '{path}': the directory '{directory}' does not exist.");
        }

        var temp = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                WriteZip(bundle, stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, fullPath, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new GangwayException(ErrorKind.InvalidInput, $"Could not write bundle '{path}': {ex.Message}", ex);
        }
        finally
        {
            // After a successful move the temporary name no longer exists, so this only cleans up failures.
            File.Delete(temp);
        }
    }

    private static void WriteZip(ModelBundle bundle, Stream stream)
    {
        var manifest = GangwayJson.Serialize(bundle.Manifest);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        AddEntry(zip, BundleEntryNames.Manifest, manifest);
        foreach (var (name, content) in bundle.Entries)
        {
            AddEntry(zip, name, content);
        }

        AddEntry(zip, BundleEntryNames.ManifestHash, Encoding.ASCII.GetBytes(Hashing.Sha256(manifest)));
    }

    private static void AddEntry(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTimestamp;

        // The default differs between Windows and Unix; no permissions are needed since bundles are never extracted.
        entry.ExternalAttributes = 0;
        using var output = entry.Open();
        output.Write(content);
    }
}
