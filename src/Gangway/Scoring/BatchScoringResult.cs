using Gangway.Data;

namespace Gangway.Scoring;

/// <summary>What a batch scoring run did.</summary>
/// <param name="RowsScored">Rows written to the output.</param>
/// <param name="Rejected">Rows skipped under <see cref="InvalidRowPolicy.Skip"/>, with line, column and reason.</param>
public sealed record BatchScoringResult(long RowsScored, IReadOnlyList<RowError> Rejected);
