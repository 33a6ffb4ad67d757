using Gangway.Bundles;
using Gangway.Data;
using Gangway.Learners;
using Gangway.Training;

namespace Gangway.Scoring;

/// <summary>
/// Scores a CSV stream with a model bundle chunk by chunk, in memory proportional to the chunk size whatever the file
/// size, and writes the id columns (those the input has), <c>prediction</c> and <c>probability</c>. Bad rows are
/// reported with their line, column, rule and value; under <see cref="InvalidRowPolicy.Skip"/> they are left out and
/// returned, the values of the contract's personal-data columns hidden unless
/// <see cref="BatchScoringOptions.IncludePersonalData"/>.
/// </summary>
/// <remarks>
/// On a machine with more than one core the input is parsed on a background thread one chunk ahead of scoring; the
/// reader is no longer used once <c>Score</c> returns or throws, and progress is reported on the calling thread.
/// </remarks>
public static class BatchScorer
{
    /// <summary>The output columns for <paramref name="schema"/>: its id columns, then prediction and probability.</summary>
    public static IReadOnlyList<string> OutputColumns(InputSchema schema) => OutputColumns(schema, input: null);

    /// <summary>
    /// The output columns for input with the columns of <paramref name="input"/>: the schema's id columns it has (all of
    /// them when null), the columns it has beyond the schema (those a parser keeps, e.g. a unit's own record key), then
    /// prediction and probability. An id column the input lacks is left out of the output.
    /// </summary>
    public static IReadOnlyList<string> OutputColumns(InputSchema schema, Table? input)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var ids = schema.Columns.Where(c => c.Role == ColumnRole.Id && (input is null || input.Contains(c.Name))).Select(c => c.Name);
        var known = schema.Columns.Select(c => c.Name).Append(schema.Target).ToHashSet(StringComparer.Ordinal);
        var kept = input?.ColumnNames.Where(name => !known.Contains(name)) ?? [];
        return [.. ids, .. kept, PredictionColumns.Prediction, PredictionColumns.Probability];
    }

    /// <summary>Scores every row of <paramref name="input"/> (CSV with a header) into <paramref name="output"/> (CSV).</summary>
    /// <exception cref="GangwayException">A row cannot be scored and the policy is <see cref="InvalidRowPolicy.Fail"/>; the message names its line.</exception>
    public static BatchScoringResult Score(ModelBundle bundle, TextReader input, TextWriter output, BatchScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Score(bundle, readOptions => CsvReader.ReadChunks(input, readOptions), output, options);
    }

    /// <summary>Scores every row of <paramref name="source"/> (e.g. a business unit's file through its parser) into <paramref name="output"/> (CSV).</summary>
    /// <exception cref="GangwayException">A row cannot be scored and the policy is <see cref="InvalidRowPolicy.Fail"/>; the message names its line.</exception>
    public static BatchScoringResult Score(ModelBundle bundle, ITableSource source, TextWriter output, BatchScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Score(bundle, source.ReadChunks, output, options);
    }

    private static BatchScoringResult Score(ModelBundle bundle, Func<CsvReadOptions, IEnumerable<CsvChunk>> read, TextWriter output, BatchScoringOptions? options)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(output);
        options ??= new BatchScoringOptions();
        var masking = options.IncludePersonalData ? PersonalDataMask.None : PersonalDataMask.Of(bundle.Contract);
        var validation = bundle.InputContract() is { } contract ? new ChunkValidation(new ContractCheck(contract), masking) : null;
        var readOptions = SpecData.ReadOptions(bundle.Schema, includeTarget: false, options.OnError) with { ChunkSize = options.ChunkSize };
        CsvTableWriter? writer = null;
        var rejected = new List<RowError>();
        long scored = 0;
        long handled = 0;
        var chunks = read(readOptions);
        // With a second core, the next chunk is parsed while this one is scored and written.
        foreach (var chunk in Environment.ProcessorCount > 1 ? ReadAhead.Enumerate(chunks, depth: 1) : chunks)
        {
            // Every chunk has the first one's columns: the output has the id columns the input has.
            if (writer is null)
            {
                writer = new CsvTableWriter(output, OutputColumns(bundle.Schema, chunk.Table));
                writer.WriteHeader();
            }

            var chunkRejected = new List<RowError>(chunk.Rejected.Select(masking.Unread));
            var valid = validation?.Apply(chunk, options.OnError, chunkRejected) ?? chunk;
            var (input, result) = ScoreChunk(bundle, valid, options.OnError, chunkRejected, masking);
            // Rows rejected by the reader and by the model interleave; keep the report in file order.
            rejected.AddRange(chunkRejected.OrderBy(r => r.Line));
            options.Scored?.Invoke(input, result);
            writer.WriteRows(result);
            scored += result.RowCount;
            handled += chunk.Table.RowCount + chunk.Rejected.Count;
            options.Progress?.Report(handled);
        }

        if (writer is null)
        {
            new CsvTableWriter(output, OutputColumns(bundle.Schema)).WriteHeader();
        }

        return new BatchScoringResult(scored, rejected, validation?.Warnings ?? 0);
    }

    // The rows scored, as read and as the model's output; also how offline drift scores a file's chunks.
    internal static (Table Input, Table Scored) ScoreChunk(ModelBundle bundle, CsvChunk chunk, InvalidRowPolicy policy, List<RowError> rejected, PersonalDataMask masking)
    {
        var result = BadRows.Score(chunk.Table, bundle.Model.Transform, findAll: policy != InvalidRowPolicy.Fail);
        if (result.AllScored)
        {
            return (chunk.Table, result.Scored!);
        }

        if (policy == InvalidRowPolicy.Fail)
        {
            var first = result.Failures[0];
            throw first.Error.WithRowLabel($"line {chunk.Lines[first.Row]}");
        }

        foreach (var (row, error) in result.Failures)
        {
            var reason = masking.Reason(error.Column, error.WithRowLabel("this row").Message.TrimEnd('.'), "this row");
            rejected.Add(new RowError(chunk.Lines[row], error.Column, reason, masking.Record(chunk.Table, row)));
        }

        var good = chunk.Table.Take(result.GoodRows(chunk.Table));
        return (good, bundle.Model.Transform(good));
    }
}
