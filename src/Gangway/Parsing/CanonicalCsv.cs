using Gangway.Data;

namespace Gangway.Parsing;

/// <summary>Writes any <see cref="ITableSource"/> as canonical CSV (what <c>gangway parse</c> produces), chunk by chunk.</summary>
public static class CanonicalCsv
{
    /// <summary>
    /// Streams every chunk of <paramref name="source"/> to <paramref name="output"/> through <see cref="CsvTableWriter"/>:
    /// the columns of the first chunk (for a parsed source, the contract's order), numbers in invariant form, missing
    /// values empty. Memory stays proportional to <see cref="CsvReadOptions.ChunkSize"/>.
    /// </summary>
    /// <param name="source">The data.</param>
    /// <param name="output">A UTF-8 writer; not flushed or disposed.</param>
    /// <param name="options">Read options (default <see cref="CsvReadOptions.Default"/>: all columns, fail on a bad row).</param>
    /// <returns>The rows written and the rows left out under <see cref="InvalidRowPolicy.Skip"/>, in file order.</returns>
    /// <exception cref="GangwayException">The source cannot be read, yields no columns, or a row is bad under <see cref="InvalidRowPolicy.Fail"/>.</exception>
    public static CanonicalCsvResult Write(ITableSource source, TextWriter output, CsvReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(output);
        CsvTableWriter? writer = null;
        var rejected = new List<RowError>();
        long rows = 0;
        foreach (var chunk in source.ReadChunks(options ?? CsvReadOptions.Default))
        {
            if (writer is null)
            {
                if (chunk.Table.Columns.Count == 0)
                {
                    throw new GangwayException(ErrorKind.InvalidInput, $"'{source.Description}' yields no contract columns; check the parser's 'columns' mapping.");
                }

                writer = new CsvTableWriter(output, [.. chunk.Table.ColumnNames]);
                writer.WriteHeader();
            }

            writer.WriteRows(chunk.Table);
            rows += chunk.Table.RowCount;
            rejected.AddRange(chunk.Rejected);
        }

        return new CanonicalCsvResult(rows, rejected);
    }
}
