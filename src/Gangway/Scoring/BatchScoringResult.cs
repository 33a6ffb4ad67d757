using Gangway.Data;

namespace Gangway.Scoring;

/// <summary>What a batch scoring run did.</summary>
/// <param name="RowsScored">Rows written to the output.</param>
/// <param name="Rejected">Rows skipped under <see cref="InvalidRowPolicy.Skip"/>, with line, column, reason and the record.</param>
/// <param name="ContractWarnings">How many values broke a data-contract rule of severity warning (they were scored).</param>
public sealed record BatchScoringResult(long RowsScored, IReadOnlyList<RowError> Rejected, long ContractWarnings = 0);
