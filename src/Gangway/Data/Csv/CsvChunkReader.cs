using System.Runtime.CompilerServices;

namespace Gangway.Data;

/// <summary>
/// Turns tokenized records into chunks of typed columns: matches the header by name, parses only the kept columns,
/// fixes inferred types after the first chunk and applies the <see cref="InvalidRowPolicy"/>.
/// </summary>
internal sealed class CsvChunkReader
{
    // Whole-file reads (chunk size int.MaxValue) start small and grow.
    private const int MaxPreallocatedRows = 1 << 16;

    // Room reserved before any row is read, over all columns: a wide header must not reserve rows it may never get.
    private const int MaxPreallocatedCells = 1 << 20;

    private readonly CsvTokenizer _tokenizer;
    private readonly CsvReadOptions _options;
    private readonly string[] _header;
    private readonly int[] _fieldOfSlot;
    private readonly ColumnBuilder[] _builders;

    public CsvChunkReader(TextReader reader, CsvReadOptions options)
    {
        _options = options;
        _tokenizer = new CsvTokenizer(reader, options.Delimiter, options.Quote);
        _header = ReadHeader(_tokenizer);
        _fieldOfSlot = SelectFields(_header, options.Columns, options.OptionalColumns);
        var capacity = InitialRows(options.ChunkSize, _fieldOfSlot.Length);
        _builders = new ColumnBuilder[_fieldOfSlot.Length];
        for (var slot = 0; slot < _fieldOfSlot.Length; slot++)
        {
            var name = _header[_fieldOfSlot[slot]];
            _builders[slot] = options.ColumnTypes is not null && options.ColumnTypes.TryGetValue(name, out var type)
                ? type == ColumnType.Numeric ? new NumericBuilder(name, capacity) : new TextBuilder(name, capacity, new StringPool())
                : new InferringBuilder(name, capacity);
        }
    }

    /// <summary>
    /// How many rows each of <paramref name="columns"/> builders reserves up front: a chunk's worth, at most
    /// 65,536, and at most about a million cells in all (beyond that, storage grows with the rows actually read).
    /// </summary>
    internal static int InitialRows(int chunkSize, int columns) =>
        Math.Max(1, Math.Min(Math.Min(chunkSize, MaxPreallocatedRows), MaxPreallocatedCells / Math.Max(1, columns)));

    /// <summary>Reads the remaining rows in chunks of at most <see cref="CsvReadOptions.ChunkSize"/> kept rows.</summary>
    public IEnumerable<CsvChunk> ReadChunks()
    {
        var first = true;
        while (true)
        {
            var chunk = ReadChunk(out var more);
            if (first || chunk.Table.RowCount > 0 || chunk.Rejected.Count > 0)
            {
                yield return chunk;
            }

            if (first)
            {
                FixInferredTypes(chunk.Table);
                first = false;
            }

            if (!more)
            {
                yield break;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private CsvChunk ReadChunk(out bool more)
    {
        var lines = new List<long>(Math.Min(_options.ChunkSize, MaxPreallocatedRows));
        var rejected = new List<RowError>();
        more = false;
        while (lines.Count < _options.ChunkSize)
        {
            if (!_tokenizer.ReadRecord())
            {
                return Finish(lines, rejected);
            }

            var error = StoreRecord();
            if (error is null)
            {
                foreach (var builder in _builders)
                {
                    builder.Commit();
                }

                lines.Add(_tokenizer.Line);
            }
            else if (_options.InvalidRows == InvalidRowPolicy.Fail)
            {
                throw error.ToException();
            }
            else
            {
                rejected.Add(error with { RecordText = _tokenizer.RecordText() });
            }
        }

        more = true;
        return Finish(lines, rejected);
    }

    private CsvChunk Finish(List<long> lines, List<RowError> rejected) =>
        new(new Table(_builders.Select(b => b.Build())), lines.ToArray(), rejected);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private RowError? StoreRecord()
    {
        var fieldCount = _tokenizer.FieldCount;
        if (fieldCount != _header.Length)
        {
            return new RowError(_tokenizer.Line, null, $"expected {_header.Length} fields, found {fieldCount}");
        }

        if (_tokenizer.MalformedField >= 0)
        {
            return new RowError(_tokenizer.Line, _header[_tokenizer.MalformedField], "unexpected text after a closing quote");
        }

        for (var slot = 0; slot < _builders.Length; slot++)
        {
            var problem = _builders[slot].TryStore(_tokenizer.Field(_fieldOfSlot[slot]));
            if (problem is not null)
            {
                return new RowError(_tokenizer.Line, _builders[slot].Name, problem);
            }
        }

        return null;
    }

    private void FixInferredTypes(Table firstChunk)
    {
        for (var slot = 0; slot < _builders.Length; slot++)
        {
            if (_builders[slot] is InferringBuilder inferring)
            {
                _builders[slot] = inferring.Fixed(firstChunk.Columns[slot].Type);
            }
        }
    }

    private static string[] ReadHeader(CsvTokenizer tokenizer)
    {
        if (!tokenizer.ReadRecord())
        {
            throw new GangwayException(ErrorKind.InvalidInput, "The CSV data is empty; expected a header row with column names.");
        }

        var names = new string[tokenizer.FieldCount];
        var seen = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = tokenizer.Field(i).ToString();
            if (string.IsNullOrWhiteSpace(names[i]))
            {
                throw new GangwayException(ErrorKind.InvalidInput, $"Line {tokenizer.Line}: header column {i + 1} has no name{(names[i].Length > 0 ? " (only spaces)" : "")}.");
            }

            if (!seen.TryAdd(names[i], i))
            {
                throw new GangwayException(
                    ErrorKind.InvalidInput,
                    $"Line {tokenizer.Line}: header names column '{names[i]}' twice (columns {seen[names[i]] + 1} and {i + 1}).");
            }
        }

        return names;
    }

    private static int[] SelectFields(string[] header, IReadOnlyCollection<string>? requested, IReadOnlyCollection<string>? optional)
    {
        if (requested is null)
        {
            return [.. Enumerable.Range(0, header.Length)];
        }

        var wanted = requested.ToHashSet(StringComparer.Ordinal);
        var missing = wanted.Where(name => Array.IndexOf(header, name) < 0).ToList();
        if (missing.Count > 0)
        {
            throw new GangwayException(
                ErrorKind.InvalidInput,
                $"Could not find column{(missing.Count > 1 ? "s" : "")} {NameList.Of(missing.Select(m => $"'{m}'"))} in the CSV header. Columns present: {NameList.Of(header)}.");
        }

        wanted.UnionWith(optional ?? []);
        return [.. Enumerable.Range(0, header.Length).Where(i => wanted.Contains(header[i]))];
    }
}
