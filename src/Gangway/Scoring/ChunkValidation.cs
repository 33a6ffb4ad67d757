using Gangway.Data;

namespace Gangway.Scoring;

/// <summary>
/// Applies a model's data contract to each chunk of a batch: rows that break an error rule fail the run or are taken
/// out (and reported with their line, column, rule and value); warnings are counted.
/// </summary>
internal sealed class ChunkValidation(ContractCheck check, PersonalDataMask mask)
{
    public long Warnings { get; private set; }

    public CsvChunk Apply(CsvChunk chunk, InvalidRowPolicy policy, List<RowError> rejected)
    {
        var result = check.Check(chunk.Table);
        Warnings += result.Warnings;
        if (result.Passed)
        {
            return chunk;
        }

        if (policy == InvalidRowPolicy.Fail)
        {
            var first = result.Errors[0];
            throw first.ToException($"line {chunk.Lines[first.Row!.Value]}");
        }

        var rows = result.RejectedRows;
        foreach (var violation in result.Errors.DistinctBy(v => v.Row))
        {
            var row = violation.Row!.Value;
            rejected.Add(new RowError(chunk.Lines[row], violation.Column, violation.Describe("this row").TrimEnd('.'), mask.Record(chunk.Table, row)));
        }

        var rejectedSet = rows.ToHashSet();
        var keep = Enumerable.Range(0, chunk.Table.RowCount).Where(r => !rejectedSet.Contains(r)).ToList();
        return new CsvChunk(chunk.Table.Take(keep), [.. keep.Select(r => chunk.Lines[r])], chunk.Rejected);
    }
}
