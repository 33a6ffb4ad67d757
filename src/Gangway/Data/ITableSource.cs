namespace Gangway.Data;

/// <summary>
/// Where tabular data comes from: a canonical CSV file, or a business unit's own format through a parser. Every
/// command that reads data reads it through a source, so <c>--parser</c> works everywhere.
/// </summary>
public interface ITableSource
{
    /// <summary>A short description for messages, e.g. the file name.</summary>
    string Description { get; }

    /// <summary>
    /// Reads the data chunk by chunk, honouring <paramref name="options"/>: which columns (named as in the contract),
    /// their types, the chunk size and the invalid-row policy. Lines are those of the raw input.
    /// </summary>
    /// <exception cref="GangwayException">The input is missing, unreadable, or a row breaks a rule under the Fail policy.</exception>
    IEnumerable<CsvChunk> ReadChunks(CsvReadOptions options);

    /// <summary>The SHA-256 (lowercase hex) of the raw input bytes, for lineage.</summary>
    string RawSha256();

    /// <summary>The SHA-256 of the parser spec the data is read through, for lineage; null for canonical CSV.</summary>
    string? ParserSha256 => null;
}
