using Gangway.Data;

namespace Gangway.Scoring;

/// <summary>
/// Scores a table whole and, when that stops at a bad row, finds every bad row by scoring each row alone: the one
/// "score; on failure, list the bad rows" path of batch scoring, <c>POST /predict</c> and <c>POST /upsell</c>.
/// </summary>
public static class BadRows
{
    /// <summary>
    /// Scores <paramref name="table"/> with <paramref name="score"/>. When it fails about one of the table's rows, scores
    /// each row alone (with <paramref name="findAll"/>) to find every row that fails.
    /// </summary>
    /// <param name="table">The rows to score.</param>
    /// <param name="score">The scoring, e.g. a model's transform; it must stop with a <see cref="GangwayException"/> that names its row.</param>
    /// <param name="findAll">Whether to look for every bad row; false stops at the first (e.g. for a run that fails on it).</param>
    /// <returns>The scores, or the failing rows in row order (the first failure when no row fails alone).</returns>
    /// <exception cref="GangwayException">The scoring failed about no row of the table (e.g. a missing column).</exception>
    public static BadRowsResult<T> Score<T>(Table table, Func<Table, T> score, bool findAll = true)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(score);
        GangwayException first;
        try
        {
            return new BadRowsResult<T>(score(table), []);
        }
        catch (GangwayException ex) when (ex.Row is { } row && row >= 0 && row < table.RowCount)
        {
            first = ex;
        }

        if (!findAll)
        {
            return new BadRowsResult<T>(default, [new RowFailure(first.Row!.Value, first)]);
        }

        var failures = new List<RowFailure>();
        for (var row = 0; row < table.RowCount; row++)
        {
            try
            {
                score(table.Take([row]));
            }
            catch (GangwayException ex)
            {
                failures.Add(new RowFailure(row, ex));
            }
        }

        // Rows may fail only together (e.g. a rule on the batch): report the row the whole table failed on.
        return new BadRowsResult<T>(default, failures.Count > 0 ? failures : [new RowFailure(first.Row!.Value, first)]);
    }
}

/// <summary>One row that failed: its index in the table scored and the error it failed with.</summary>
/// <param name="Row">The zero-based row of the whole table.</param>
/// <param name="Error">The error; its own row number is about the table it was scored in (the row alone, or the whole table).</param>
public sealed record RowFailure(int Row, GangwayException Error);

/// <summary>What <see cref="BadRows.Score"/> found: the scores when every row was good, otherwise the failing rows.</summary>
/// <param name="Scored">The scores of the whole table, or default when a row failed.</param>
/// <param name="Failures">The failing rows in row order; empty when the table scored.</param>
public sealed record BadRowsResult<T>(T? Scored, IReadOnlyList<RowFailure> Failures)
{
    /// <summary>Whether every row scored.</summary>
    public bool AllScored => Failures.Count == 0;

    /// <summary>The rows of <paramref name="table"/> that did not fail, in order.</summary>
    public IReadOnlyList<int> GoodRows(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var bad = Failures.Select(f => f.Row).ToHashSet();
        return [.. Enumerable.Range(0, table.RowCount).Where(row => !bad.Contains(row))];
    }
}
