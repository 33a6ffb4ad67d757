using System.Text;
using Gangway.Bundles;
using Gangway.Data;

namespace Gangway.Parsing;

/// <summary>
/// A business unit's file read through a declarative <see cref="ParserSpec"/>: chunks come out in the contract's column
/// names, order and physical types, with the lines of the raw file. <see cref="CsvReadOptions.Delimiter"/> and
/// <see cref="CsvReadOptions.Quote"/> are ignored (the spec decides); the other options are honoured. Memory stays
/// proportional to the chunk size whatever the file size. Thread-safe: each enumeration opens the file anew.
/// </summary>
public sealed class ParsedFileSource : ITableSource
{
    private const int StreamBufferBytes = 1 << 16;

    /// <summary>Creates a source reading <paramref name="path"/> with <paramref name="spec"/>.</summary>
    public ParsedFileSource(ParserSpec spec, string path)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Spec = spec;
        Path = path;
    }

    /// <summary>The parser spec.</summary>
    public ParserSpec Spec { get; }

    /// <summary>The raw file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public string Description => System.IO.Path.GetFileName(Path);

    /// <inheritdoc />
    public IEnumerable<CsvChunk> ReadChunks(CsvReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (!File.Exists(Path))
        {
            throw new GangwayException(ErrorKind.NotFound, $"Could not find the data file '{Path}'.");
        }

        return Read(options);
    }

    /// <inheritdoc />
    public string? ParserSha256 => Spec.Sha256;

    /// <inheritdoc />
    public string RawSha256() => Hashing.Sha256File(Path);

    private IEnumerable<CsvChunk> Read(CsvReadOptions options)
    {
        var encoding = ParserEncodings.Get(Spec.Encoding);
        var utf8 = Spec.Encoding == ParserEncodings.Utf8;
        using var reader = new StreamReader(Path, encoding, detectEncodingFromByteOrderMarks: utf8, new FileStreamOptions { BufferSize = StreamBufferBytes });
        using var chunks = Guard(() => new ParsedChunkReader(reader, Spec, options, $"'{Description}'").ReadChunks().GetEnumerator());
        while (Guard(chunks.MoveNext))
        {
            yield return chunks.Current;
        }
    }

    private T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (DecoderFallbackException ex)
        {
            throw new GangwayException(
                ErrorKind.InvalidInput,
                $"'{Description}' is not valid {Spec.Encoding} text (parser '{Spec.Name}' declares encoding '{Spec.Encoding}').",
                ex);
        }
    }
}
