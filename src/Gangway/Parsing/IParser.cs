using Gangway.Data;

namespace Gangway.Parsing;

/// <summary>
/// Turns a business unit's file into the contract: the extension point for formats a declarative parser spec cannot
/// describe (fixed-width, Excel, nested JSON...). Add an implementation with <see cref="GangwayCatalogBuilder.AddParser"/> and name it
/// with <c>type:</c> in a parser spec. Implementations must be thread-safe.
/// </summary>
public interface IParser
{
    /// <summary>The parser's name, for messages and lineage.</summary>
    string Name { get; }

    /// <summary>
    /// A source reading <paramref name="path"/>: its chunks carry the contract's column names and physical types and
    /// honour the <see cref="CsvReadOptions"/> given to <see cref="ITableSource.ReadChunks"/> (columns, types, chunk
    /// size, invalid-row policy). Opening should not read the file; reading does.
    /// </summary>
    /// <exception cref="GangwayException">The file cannot be read or breaks a rule.</exception>
    ITableSource Open(string path);
}
