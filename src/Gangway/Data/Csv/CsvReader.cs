using System.Text;

namespace Gangway.Data;

/// <summary>
/// Reads RFC 4180 CSV (UTF-8, with or without BOM; LF or CRLF) into <see cref="Table"/>s, whole or in chunks of
/// constant memory. The first row names the columns, which are matched by name, never by position. An empty field,
/// quoted or not, is missing (<see cref="double.NaN"/> or <see langword="null"/>). Blank lines are skipped.
/// Like pandas' <c>read_csv</c> with <c>chunksize</c>, but strict: a bad row stops the read (or is skipped and
/// reported, see <see cref="CsvReadOptions.InvalidRows"/>) with a message naming its line, column, rule and value.
/// </summary>
public static class CsvReader
{
    private const int StreamBufferBytes = 1 << 16;

    /// <summary>Reads a whole CSV file into one table.</summary>
    /// <exception cref="GangwayException">The file does not exist (<see cref="ErrorKind.NotFound"/>), or the data breaks a rule.</exception>
    public static Table ReadFile(string path, CsvReadOptions? options = null)
    {
        using var stream = OpenFile(path);
        return Read(stream, options);
    }

    /// <summary>Reads all of a UTF-8 stream into one table; the stream is left open.</summary>
    /// <exception cref="GangwayException">The data breaks a rule.</exception>
    public static Table Read(Stream stream, CsvReadOptions? options = null)
    {
        using var reader = CreateReader(stream);
        return Read(reader, options);
    }

    /// <summary>
    /// Reads all of the text into one table. Types not declared in <see cref="CsvReadOptions.ColumnTypes"/> are inferred
    /// from every row; <see cref="CsvReadOptions.ChunkSize"/> is ignored. Rows skipped under
    /// <see cref="InvalidRowPolicy.Skip"/> are dropped; to see them, use <see cref="ReadChunks(TextReader, CsvReadOptions?)"/>
    /// with a chunk size of <see cref="int.MaxValue"/>.
    /// </summary>
    /// <exception cref="GangwayException">The data breaks a rule.</exception>
    public static Table Read(TextReader reader, CsvReadOptions? options = null)
    {
        var whole = (options ?? CsvReadOptions.Default) with { ChunkSize = int.MaxValue };
        return ReadChunks(reader, whole).First().Table;
    }

    /// <summary>Reads a CSV file in chunks; the file is opened on the first <c>MoveNext</c> and closed when the enumeration ends or is disposed.</summary>
    /// <exception cref="GangwayException">The file does not exist (<see cref="ErrorKind.NotFound"/>), or, while enumerating, the data breaks a rule.</exception>
    public static IEnumerable<CsvChunk> ReadFileChunks(string path, CsvReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw FileNotFound(path, null);
        }

        return Lazy(path, options);

        static IEnumerable<CsvChunk> Lazy(string path, CsvReadOptions? options)
        {
            using var stream = OpenFile(path);
            foreach (var chunk in ReadChunks(stream, options))
            {
                yield return chunk;
            }
        }
    }

    /// <summary>Reads a UTF-8 stream in chunks; the stream is left open.</summary>
    /// <exception cref="GangwayException">The options are invalid, or, while enumerating, the data breaks a rule.</exception>
    public static IEnumerable<CsvChunk> ReadChunks(Stream stream, CsvReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var reader = CreateReader(stream);
        return Owning(reader, ReadChunks(reader, options));
    }

    /// <summary>
    /// Reads text in chunks of at most <see cref="CsvReadOptions.ChunkSize"/> kept rows, holding only one chunk in memory.
    /// The first chunk is always returned (with no rows for a header-only file) and fixes the types of columns not
    /// declared in <see cref="CsvReadOptions.ColumnTypes"/>; in later chunks a value that does not fit is a row error.
    /// The header is read on the first <c>MoveNext</c>. Not thread-safe; the reader is not disposed.
    /// </summary>
    /// <exception cref="GangwayException">The options are invalid, or, while enumerating, the data breaks a rule.</exception>
    public static IEnumerable<CsvChunk> ReadChunks(TextReader reader, CsvReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        options ??= CsvReadOptions.Default;
        options.Validate();
        return Lazy(reader, options);

        static IEnumerable<CsvChunk> Lazy(TextReader reader, CsvReadOptions options)
        {
            IEnumerable<CsvChunk> chunks;
            try
            {
                chunks = new CsvChunkReader(reader, options).ReadChunks();
            }
            catch (DecoderFallbackException ex)
            {
                throw NotUtf8(ex);
            }

            using var e = chunks.GetEnumerator();
            while (true)
            {
                try
                {
                    if (!e.MoveNext())
                    {
                        yield break;
                    }
                }
                catch (DecoderFallbackException ex)
                {
                    throw NotUtf8(ex);
                }

                yield return e.Current;
            }
        }
    }

    private static GangwayException NotUtf8(DecoderFallbackException ex) =>
        new(ErrorKind.InvalidInput, "The CSV data is not valid UTF-8.", ex);

    private static IEnumerable<CsvChunk> Owning(IDisposable owned, IEnumerable<CsvChunk> chunks)
    {
        using (owned)
        {
            foreach (var chunk in chunks)
            {
                yield return chunk;
            }
        }
    }

    private static StreamReader CreateReader(Stream stream) =>
        new(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, StreamBufferBytes, leaveOpen: true);

    private static FileStream OpenFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw FileNotFound(path, ex);
        }
    }

    private static GangwayException FileNotFound(string path, Exception? cause) =>
        cause is null
            ? new(ErrorKind.NotFound, $"Could not find the CSV file '{path}'.")
            : new(ErrorKind.NotFound, $"Could not find the CSV file '{path}'.", cause);
}
