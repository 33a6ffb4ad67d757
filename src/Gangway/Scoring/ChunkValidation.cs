using Gangway.Data;
using Gangway.Schema;

namespace Gangway.Scoring;

/// <summary>
/// Applies a model's data contract to each chunk of a batch: rows that break an error rule fail the run or are taken
/// out (and reported with their line, column, rule and value); warnings are counted.
/// </summary>
internal sealed class ChunkValidation(DataSchema contract, RejectMasking masking)
{
    private readonly SchemaValidator _validator = new(contract);

    public long Warnings { get; private set; }

    public CsvChunk Apply(CsvChunk chunk, InvalidRowPolicy policy, List<RowError> rejected)
    {
        var result = _validator.Validate(chunk.Table, datasetRules: false);
        Warnings += result.Warnings.LongCount();
        if (result.RejectedRows.Count == 0)
        {
            return chunk;
        }

        var errors = result.Violations.Where(v => v.Severity == Severity.Error).ToLookup(v => v.Row!.Value);
        if (policy == InvalidRowPolicy.Fail)
        {
            var first = errors[result.RejectedRows[0]].First();
            throw first.ToException($"line {chunk.Lines[first.Row!.Value]}");
        }

        foreach (var row in result.RejectedRows)
        {
            var violation = errors[row].First();
            rejected.Add(new RowError(chunk.Lines[row], violation.Column, violation.Describe("this row").TrimEnd('.'), masking.Record(chunk.Table, row)));
        }

        var rejectedSet = result.RejectedRows.ToHashSet();
        var keep = Enumerable.Range(0, chunk.Table.RowCount).Where(r => !rejectedSet.Contains(r)).ToList();
        return new CsvChunk(chunk.Table.Take(keep), [.. keep.Select(r => chunk.Lines[r])], chunk.Rejected);
    }
}
