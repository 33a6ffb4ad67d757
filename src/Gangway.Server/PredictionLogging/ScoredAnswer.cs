using Gangway.Data;
using Gangway.Learners;
using Gangway.Pipelines;
using Gangway.Scoring;
using Gangway.Server.Records;
using Gangway.Server.Serving;

namespace Gangway.Server.PredictionLogging;

/// <summary>
/// What a request hands to the prediction log and the shadows once it has its answer: references to the rows it read
/// and what it scored, and the ids it answered with. Nothing is formatted here; the log's background loop builds the
/// records. A one-record answer scored on the fast path keeps a copy of its row, since the pooled row goes back to the
/// scorer once the answer is written.
/// </summary>
internal sealed class ScoredAnswer
{
    private readonly Table? _input;
    private readonly Table? _scored;
    private readonly RowCopy? _row;

    // Tables are immutable: if the log's loop and a shadow's both build it at once, either copy serves.
    private Table? _rowInput;

    private ScoredAnswer(Table? input, Table? scored, RowCopy? row)
    {
        _input = input;
        _scored = scored;
        _row = row;
    }

    /// <summary>What scored the records: one of <see cref="Gangway.PredictionLog.PredictionSources"/>.</summary>
    public required string Source { get; init; }

    /// <summary>The model that answered.</summary>
    public required Served Served { get; init; }

    /// <summary>The variant that answered, or null when the service has no deployment (<see cref="ModelVariants.DefaultName"/>).</summary>
    public string? Variant { get; init; }

    /// <summary>The request's id (<c>X-Request-Id</c>).</summary>
    public string? RequestId { get; init; }

    /// <summary>When the records were scored.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>How long scoring the request took, in milliseconds.</summary>
    public double LatencyMs { get; init; }

    /// <summary>The id each record was answered with, in request order.</summary>
    public required Guid[] Ids { get; init; }

    /// <summary>How many records were answered.</summary>
    public int Count => Ids.Length;

    /// <summary>An answer scored as a table: the rows read and, when known, what the model scored for them (else it is scored again off the request path).</summary>
    public static ScoredAnswer OfTable(Table input, Table? scored, string source, Served served, string? variant, string? requestId, DateTimeOffset time, double latencyMs, Guid[] ids) =>
        new(input, scored, null) { Source = source, Served = served, Variant = variant, RequestId = requestId, Time = time, LatencyMs = latencyMs, Ids = ids };

    /// <summary>A one-record answer of the fast path: the row is copied now, before it goes back to the pool.</summary>
    public static ScoredAnswer OfRow(RowValues row, RowPrediction prediction, string source, Served served, string? variant, string? requestId, DateTimeOffset time, double latencyMs, Guid id) =>
        new(null, null, RowCopy.Of(row, served.Schema.Columns.Count, prediction)) { Source = source, Served = served, Variant = variant, RequestId = requestId, Time = time, LatencyMs = latencyMs, Ids = [id] };

    /// <summary>Whether this is a one-record answer of the fast path (<see cref="OfRow"/>), which <see cref="CopyTo"/> can copy.</summary>
    public bool IsRow => _row is not null;

    /// <summary>The rows as the model read them (its input columns); built once for a one-record answer, then shared by the log and the shadows.</summary>
    public Table Input() => _input ?? (_rowInput ??= _row!.Input(Served.Schema));

    /// <summary>What the served model scored for <see cref="Input"/>, or null when it must be scored again (an upsell answer).</summary>
    public Table? Scored() => _scored ?? _row?.Scored();

    /// <summary>
    /// Sets input column i of <paramref name="row"/> to the value of the answer's input column <paramref name="columns"/>[i]
    /// (of the same type), leaving unset what the request did not give; only for <see cref="IsRow"/>.
    /// </summary>
    public void CopyTo(RowValues row, ReadOnlySpan<int> columns)
    {
        var copy = _row ?? throw new InvalidOperationException("Only a one-record answer of the fast path holds a row.");
        for (var i = 0; i < columns.Length; i++)
        {
            copy.CopyTo(row, columns[i], Served.Schema.IsNumeric(columns[i]), i);
        }
    }

    /// <summary>A one-row scored table (the prediction columns) of what a <see cref="RowScorer"/> predicted: what the table path gives for the row.</summary>
    public static Table ScoredRow(RowPrediction prediction) => new(
    [
        prediction.Text is { } text ? new TextColumn(PredictionColumns.Prediction, [text]) : new NumericColumn(PredictionColumns.Prediction, [prediction.Number]),
        new NumericColumn(PredictionColumns.Probability, [prediction.Probability]),
    ]);

    // What the request gave, column by column: whether a value was given is kept, not read back from NaN or null, since
    // an id column the request lacked is not checked and one it gave as null is.
    private sealed class RowCopy(double[] numbers, string?[] texts, bool[] given, RowPrediction prediction)
    {
        public static RowCopy Of(RowValues row, int columns, RowPrediction prediction)
        {
            var numbers = new double[columns];
            var texts = new string?[columns];
            var given = new bool[columns];
            for (var i = 0; i < columns; i++)
            {
                given[i] = row.IsGiven(i);
                numbers[i] = given[i] ? row.GetNumber(i) : double.NaN;
                texts[i] = given[i] ? row.GetText(i) : null;
            }

            return new RowCopy(numbers, texts, given, prediction);
        }

        public Table Input(RequestSchema schema) => new(schema.Columns.Select((c, i) => schema.IsNumeric(i)
            ? (Column)new NumericColumn(c.Name, [numbers[i]])
            : new TextColumn(c.Name, [texts[i]])));

        public Table Scored() => ScoredRow(prediction);

        public void CopyTo(RowValues row, int column, bool numeric, int input)
        {
            if (!given[column])
            {
                return;
            }

            if (numeric)
            {
                row.SetNumber(input, numbers[column]);
            }
            else
            {
                row.SetText(input, texts[column]);
            }
        }
    }
}
