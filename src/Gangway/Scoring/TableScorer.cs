using System.Runtime.ExceptionServices;
using Gangway.Data;
using Gangway.Learners;
using Gangway.Pipelines;

namespace Gangway.Scoring;

/// <summary>
/// Scores whole data sets for the commands that need every row's probability at once (evaluate, compare, promotion
/// gates): in chunks spread over the machine's cores, the answers row for row those of one
/// <see cref="ITransformer.Transform"/> of the whole table. Chunks keep the pipeline's intermediate tables small (a
/// monotone model scores each row once per tier), which alone makes a million rows faster on one core; reading from a
/// source, the next chunk is parsed while the ones before it are scored.
/// </summary>
public static class TableScorer
{
    /// <summary>Rows per chunk.</summary>
    public const int ChunkRows = 16_384;

    /// <summary><paramref name="data"/> with the model's <c>probability</c> and <c>prediction</c> columns added (or replaced).</summary>
    /// <exception cref="GangwayException">
    /// A row cannot be scored: the error about the first row that fails, its <see cref="GangwayException.Row"/> counted
    /// from the table's first row.
    /// </exception>
    public static Table Scored(ITransformer model, Table data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var starts = Enumerable.Range(0, Math.Max(1, (data.RowCount + ChunkRows - 1) / ChunkRows)).Select(c => c * ChunkRows).ToArray();
        var scores = new ChunkScore[starts.Length];
        Parallel.For(0, starts.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, (chunk, loop) =>
        {
            var rows = Math.Min(ChunkRows, data.RowCount - starts[chunk]);
            var part = starts.Length == 1 ? data : data.Take([.. Enumerable.Range(starts[chunk], rows)]);
            scores[chunk] = ChunkScore.Of(model, part, starts[chunk]);
            if (scores[chunk].Error is not null)
            {
                // Later chunks cannot hold an earlier bad row; earlier ones still run, so the first bad row is the one named.
                loop.Break();
            }
        });
        return data.With(Join([.. scores.TakeWhile(s => s is not null)]));
    }

    /// <summary>
    /// Reads every row of <paramref name="source"/> with <paramref name="options"/> (its chunk size is replaced) and
    /// scores the rows while reading. Reading errors are thrown here; scoring errors wait for
    /// <see cref="ReadAndScored.Scored"/>, so that a caller checking the data first (a contract) reports its error first.
    /// </summary>
    /// <exception cref="GangwayException">The source cannot be read with these options.</exception>
    public static ReadAndScored ReadAndScore(ITransformer model, ITableSource source, CsvReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        var chunks = new List<CsvChunk>();
        var scoring = new List<Task<ChunkScore>>();
        var read = source.ReadChunks(options with { ChunkSize = ChunkRows });
        var rows = 0;
        try
        {
            foreach (var chunk in Environment.ProcessorCount > 1 ? ReadAhead.Enumerate(read, depth: 2) : read)
            {
                chunks.Add(chunk);
                var start = rows;
                rows = checked(rows + chunk.Table.RowCount);
                scoring.Add(Environment.ProcessorCount > 1
                    ? Task.Run(() => ChunkScore.Of(model, chunk.Table, start))
                    : Task.FromResult(ChunkScore.Of(model, chunk.Table, start)));
            }
        }
        catch
        {
            // Nothing is left running when reading fails; the scores of what was read no longer matter.
            Task.WaitAll([.. scoring.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))]);
            throw;
        }

        var data = chunks.Count == 1
            ? chunks[0]
            : new CsvChunk(Table.Concat([.. chunks.Select(c => c.Table)]), [.. chunks.SelectMany(c => c.Lines)], [.. chunks.SelectMany(c => c.Rejected)]);
        return new ReadAndScored(data, [.. scoring.Select(t => t.GetAwaiter().GetResult())]);
    }

    internal static Column[] Join(IReadOnlyList<ChunkScore> scores)
    {
        if (scores.FirstOrDefault(s => s.Error is not null) is { Error: { } error })
        {
            error.Throw();
        }

        return
        [
            Column.Concat([.. scores.Select(s => s.Probability!)]),
            Column.Concat([.. scores.Select(s => s.Prediction!)]),
        ];
    }
}

/// <summary>The rows of a data set as read, and the model's scores of them (<see cref="TableScorer.ReadAndScore"/>).</summary>
public sealed class ReadAndScored
{
    private readonly IReadOnlyList<ChunkScore> _scores;

    internal ReadAndScored(CsvChunk data, IReadOnlyList<ChunkScore> scores) => (Data, _scores) = (data, scores);

    /// <summary>Every row read, with the line where it starts.</summary>
    public CsvChunk Data { get; }

    /// <summary>The rows read with the model's <c>probability</c> and <c>prediction</c> columns added (or replaced).</summary>
    /// <exception cref="GangwayException">A row could not be scored: the error about the first that failed, its row counted from the first row read.</exception>
    public Table Scored() => Data.Table.With(TableScorer.Join(_scores));
}

/// <summary>A chunk's scores (only those: the pipeline's other columns are let go), or the error scoring it gave, moved to the rows of the whole data set.</summary>
internal sealed record ChunkScore(Column? Probability, Column? Prediction, ExceptionDispatchInfo? Error)
{
    public static ChunkScore Of(ITransformer model, Table chunk, int start)
    {
        try
        {
            var output = model.Transform(chunk);
            return new ChunkScore(output[PredictionColumns.Probability], output[PredictionColumns.Prediction], null);
        }
        catch (GangwayException ex) when (ex.Row is { } row)
        {
            return new ChunkScore(null, null, ExceptionDispatchInfo.Capture(start == 0 ? ex : ex.AtRow(start + row)));
        }
#pragma warning disable CA1031 // Kept for the caller, who rethrows it once the data has been checked.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new ChunkScore(null, null, ExceptionDispatchInfo.Capture(ex));
        }
    }
}
