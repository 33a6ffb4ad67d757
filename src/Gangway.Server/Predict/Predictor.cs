using Gangway.Data;
using Gangway.Scoring;
using Gangway.Server.Hosting;
using Gangway.Server.Records;
using Gangway.Server.Serving;

namespace Gangway.Server.Predict;

/// <summary>
/// Checks a batch against the model's contract, scores it and shapes the answer. A batch with any invalid record is
/// rejected as a whole, listing every invalid record; a model error about one row is found row by row so all are listed.
/// </summary>
internal static class Predictor
{
    /// <summary>
    /// The predictions for a request body, or the problems that reject it (never both). The body is read once: see
    /// <see cref="TryPredictOne"/>; any other body is read by <see cref="RecordRequest"/>.
    /// </summary>
    public static (PredictionsResult? Response, IReadOnlyList<RecordError> Errors) Predict(ReadOnlyMemory<byte> body, bool csv, Served served, ServerOptions settings, DateTimeOffset now)
    {
        RecordBatch? refused = null;
        if (!csv && TryPredictOne(body.Span, served, settings, now, out refused) is { } one)
        {
            return (one, []);
        }

        return Predict(refused ?? RecordRequest.Read(body, csv, served, settings), served, now);
    }

    /// <summary>
    /// The answer for a JSON body holding one plain record that the model's <see cref="RowScorer"/> scores without a
    /// word. When the scorer refuses the record (a contract rule, a step's error), <paramref name="refused"/> is that
    /// record as a one-row batch, to be checked for the full report without reading the body again. Null (and no
    /// batch) for any other body: the fast reader gives up at the first thing it does not handle.
    /// </summary>
    public static PredictionsResult? TryPredictOne(ReadOnlySpan<byte> body, Served served, ServerOptions settings, DateTimeOffset now, out RecordBatch? refused)
    {
        refused = null;
        if (served.Rows is not { } scorer)
        {
            return null;
        }

        var row = scorer.Rent();
        if (SingleRecordReader.TryRead(body, served.Schema, settings, row))
        {
            if (scorer.TryScore(row, out var prediction))
            {
                return new PredictionsResult(served, row, prediction, now);
            }

            refused = RecordBatch.Of(row, served.Schema);
        }

        scorer.Return(row);
        return null;
    }

    /// <summary>The predictions, or the problems that reject the batch (never both).</summary>
    public static (PredictionsResult? Response, IReadOnlyList<RecordError> Errors) Predict(RecordBatch batch, Served served, DateTimeOffset now)
    {
        var errors = RecordRequest.Check(batch, served);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        if (batch.Table.RowCount == 0)
        {
            return (new PredictionsResult(served, batch.Table, batch.Table, batch.IdsGiven, now), []);
        }

        BadRowsResult<Table> scored;
        try
        {
            scored = BadRows.Score(batch.Table, served.Bundle.Model.Transform);
        }
        catch (GangwayException ex)
        {
            return (null, [ModelError(null, ex, served)]);
        }

        return scored.AllScored
            ? (new PredictionsResult(served, batch.Table, scored.Scored!, batch.IdsGiven, now), [])
            : (null, [.. scored.Failures.Select(f => ModelError(batch.RecordOf(f.Row), f.Error, served))]);
    }

    private static RecordError ModelError(int? record, GangwayException ex, Served served)
    {
        var field = ex.Column ?? "";
        var message = served.Mask.Hides(ex.Column)
            ? $"Record {record}: the model cannot use the value of '{field}' (personal data, hidden)."
            : record is { } r ? ex.WithRowLabel($"record {r}").Message : ex.Message;
        return new RecordError(record, field, "model", null, message);
    }

    // Missing or non-finite numbers become null: a 2xx never carries NaN or infinity.
    internal static object? ValueOf(Column column, int row) => column switch
    {
        NumericColumn numbers => double.IsFinite(numbers[row]) ? numbers[row] : null,
        TextColumn texts => texts[row],
        _ => column.FormatValue(row),
    };
}
