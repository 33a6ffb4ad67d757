namespace Gangway.Data;

/// <summary>A canonical CSV file (RFC 4180, UTF-8, comma, invariant numbers) as a <see cref="ITableSource"/>.</summary>
/// <param name="path">The file.</param>
public sealed class CsvFileSource(string path) : ITableSource
{
    /// <summary>The file.</summary>
    public string Path { get; } = path;

    /// <inheritdoc />
    public string Description => System.IO.Path.GetFileName(Path);

    /// <inheritdoc />
    public IEnumerable<CsvChunk> ReadChunks(CsvReadOptions options) => CsvReader.ReadFileChunks(Path, options);

    /// <inheritdoc />
    public string RawSha256() => Bundles.Hashing.Sha256File(Path);
}
