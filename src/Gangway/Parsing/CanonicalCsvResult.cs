using Gangway.Data;

namespace Gangway.Parsing;

/// <summary>What <see cref="CanonicalCsv.Write"/> wrote.</summary>
/// <param name="Rows">The rows written.</param>
/// <param name="Rejected">The rows left out under <see cref="InvalidRowPolicy.Skip"/>, in file order.</param>
public sealed record CanonicalCsvResult(long Rows, IReadOnlyList<RowError> Rejected);
