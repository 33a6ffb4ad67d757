using Gangway.Data;

namespace Gangway.Parsing;

/// <summary>
/// Tokenizes a unit's file with the spec's delimiter and quote (every field as text), applies the parser spec row by
/// row and yields chunks of contract columns, applying the <see cref="InvalidRowPolicy"/>. One chunk in memory at a time.
/// </summary>
internal sealed class ParsedChunkReader
{
    private const int MaxPreallocatedRows = 1 << 16;

    private readonly CsvTokenizer _tokenizer;
    private readonly CsvReadOptions _options;
    private readonly string[] _header;
    private readonly ParsedColumnBuilder[] _builders;

    public ParsedChunkReader(TextReader reader, ParserSpec spec, CsvReadOptions options, string description)
    {
        _options = options;
        _tokenizer = new CsvTokenizer(reader, spec.Delimiter, spec.Quote);
        _header = ReadHeader(_tokenizer, spec.Trim, description);
        var rules = ParseLayout.Create(spec, _header, options, description);
        var capacity = CsvChunkReader.InitialRows(options.ChunkSize, rules.Length);
        _builders = [.. rules.Select(rule => new ParsedColumnBuilder(rule, capacity))];
    }

    public IEnumerable<CsvChunk> ReadChunks()
    {
        var first = true;
        bool more;
        do
        {
            var chunk = ReadChunk(out more);
            if (first || chunk.Table.RowCount > 0 || chunk.Rejected.Count > 0)
            {
                yield return chunk;
            }

            first = false;
        }
        while (more);
    }

    private CsvChunk ReadChunk(out bool more)
    {
        var lines = new List<long>(Math.Min(_options.ChunkSize, MaxPreallocatedRows));
        var rejected = new List<RowError>();
        more = true;
        while (lines.Count < _options.ChunkSize)
        {
            if (!_tokenizer.ReadRecord())
            {
                more = false;
                break;
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

        return new CsvChunk(new Table(_builders.Select(b => b.Build())), lines.ToArray(), rejected);
    }

    private RowError? StoreRecord()
    {
        if (_tokenizer.FieldCount != _header.Length)
        {
            return new RowError(_tokenizer.Line, null, $"expected {_header.Length} fields, found {_tokenizer.FieldCount}");
        }

        if (_tokenizer.MalformedField >= 0)
        {
            return new RowError(_tokenizer.Line, _header[_tokenizer.MalformedField], "unexpected text after a closing quote");
        }

        foreach (var builder in _builders)
        {
            var rule = builder.Rule;
            var problem = rule.SourceIndex < 0 ? builder.StoreConstant() : builder.TryStore(_tokenizer.Field(rule.SourceIndex));
            if (problem is not null)
            {
                return new RowError(_tokenizer.Line, rule.Source, problem) { ContractColumn = rule.Contract };
            }
        }

        return null;
    }

    private static string[] ReadHeader(CsvTokenizer tokenizer, bool trim, string description)
    {
        if (!tokenizer.ReadRecord())
        {
            throw new GangwayException(ErrorKind.InvalidInput, $"{description} is empty; expected a header row with column names.");
        }

        var names = new string[tokenizer.FieldCount];
        var seen = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            var field = tokenizer.Field(i);
            names[i] = (trim ? ValueText.Trim(field) : field).ToString();
            if (names[i].Length > 0 && !seen.TryAdd(names[i], i))
            {
                throw new GangwayException(
                    ErrorKind.InvalidInput,
                    $"{description}, line {tokenizer.Line}: header names column '{names[i]}' twice (columns {seen[names[i]] + 1} and {i + 1}).");
            }
        }

        return names;
    }
}
