namespace Gangway.Data;

/// <summary>A run of consecutive CSV rows read by <see cref="CsvReader.ReadChunks(TextReader, CsvReadOptions?)"/>.</summary>
/// <param name="Table">The rows that were kept.</param>
/// <param name="Lines">The 1-based line where each kept row starts, aligned with the rows of <paramref name="Table"/>.</param>
/// <param name="Rejected">Rows left out under <see cref="InvalidRowPolicy.Skip"/>, in file order.</param>
public sealed record CsvChunk(Table Table, IReadOnlyList<long> Lines, IReadOnlyList<RowError> Rejected);
