using System.Buffers;
using System.Text;
using System.Text.Json;
using Gangway.Bundles;
using Gangway.Data;
using Gangway.Learners;
using Gangway.Scoring;

namespace Gangway.PredictionLog;

/// <summary>
/// Turns the rows of a scored table into prediction-log records: the inputs as the model saw them (its input columns,
/// personal-data columns masked per the contract), the business key from the id columns, the prediction and the
/// probability, each with a new time-ordered id or the one its answer gave. Used for batch scoring
/// (<c>gangway predict --log</c>) and by the service for what it answers and what its shadows score.
/// </summary>
public sealed class ScoredTableRecords
{
    private static readonly JsonEncodedText HiddenValue = JsonEncodedText.Encode(PersonalDataMask.Hidden);

    // One writer per thread, reused for every record: a service builds records on its log loop and its shadows' threads.
    [ThreadStatic]
    private static JsonText? t_json;

    private readonly InputField[] _inputs;
    private readonly KeyField[] _keys;

    /// <summary>Records for <paramref name="bundle"/>'s scored tables.</summary>
    /// <param name="bundle">The model that scored the tables.</param>
    /// <param name="bundleHash">The SHA-256 of the bundle file, in hex.</param>
    /// <param name="version">The registered version the bundle was resolved from, or null for a bundle file.</param>
    /// <param name="source">What scored the rows: one of <see cref="PredictionSources"/>.</param>
    public ScoredTableRecords(ModelBundle bundle, string bundleHash, int? version, string source)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentException.ThrowIfNullOrEmpty(bundleHash);
        ArgumentException.ThrowIfNullOrEmpty(source);
        var mask = PersonalDataMask.Of(bundle.Contract);
        _inputs = [.. bundle.Schema.Columns.Select(c => new InputField(c.Name, JsonEncodedText.Encode(c.Name), mask.Hides(c.Name)))];

        // Sorted once here as PredictionKey.Canonical sorts them for every key: by name, ordinal.
        _keys = [.. bundle.Schema.Columns.Where(c => c.Role == ColumnRole.Id).Select(c => c.Name).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).Select(name => new KeyField(name, JsonEncodedText.Encode(name)))];
        BundleHash = bundleHash;
        Version = version;
        Source = source;
        Model = bundle.Name;
    }

    /// <summary>
    /// The model name the records carry: the registered model's name when the bundle was resolved in the registry (a
    /// version may hold a bundle trained under another name), so feedback and online metrics find them; default the bundle's name.
    /// </summary>
    public string Model { get; init; }

    /// <summary>The SHA-256 of the bundle file.</summary>
    public string BundleHash { get; }

    /// <summary>The registered version, or null.</summary>
    public int? Version { get; }

    /// <summary>What scored the rows.</summary>
    public string Source { get; }

    /// <summary>One record per row, scored at <paramref name="time"/>.</summary>
    /// <param name="input">The rows as the model read them (its input columns).</param>
    /// <param name="scored">The model's output for the same rows, row for row (the prediction columns).</param>
    /// <param name="time">When they were scored.</param>
    public IReadOnlyList<PredictionRecord> Of(Table input, Table scored, DateTimeOffset time) => Of(input, scored, time, null, null, default);

    /// <summary>
    /// One record per row, scored at <paramref name="time"/>, with the ids the answer gave: how the service logs what
    /// it answered (row i gets <paramref name="predictionIds"/>[i]) and what its shadows scored for the same answer
    /// (<paramref name="answerIds"/>[i] the served record's id).
    /// </summary>
    /// <param name="input">The rows as the model read them (its input columns).</param>
    /// <param name="scored">The model's output for the same rows, row for row (the prediction columns).</param>
    /// <param name="time">When they were scored.</param>
    /// <param name="predictionIds">Each row's own id; new ids when null.</param>
    /// <param name="answerIds">The id of the answer each row belongs to; its own id when null.</param>
    public IReadOnlyList<PredictionRecord> Of(Table input, Table scored, DateTimeOffset time, IReadOnlyList<string>? predictionIds, IReadOnlyList<string>? answerIds) =>
        Of(input, scored, time, predictionIds, answerIds, default);

    /// <summary>
    /// One record per row, as <see cref="Of(Table, Table, DateTimeOffset, IReadOnlyList{string}?, IReadOnlyList{string}?)"/>
    /// builds them, each carrying <paramref name="answer"/>'s request, variant, shadow flag and latency.
    /// </summary>
    /// <param name="input">The rows as the model read them (its input columns).</param>
    /// <param name="scored">The model's output for the same rows, row for row (the prediction columns).</param>
    /// <param name="time">When they were scored.</param>
    /// <param name="predictionIds">Each row's own id; new ids when null.</param>
    /// <param name="answerIds">The id of the answer each row belongs to; its own id when null.</param>
    /// <param name="answer">What every record of the answer carries besides its row.</param>
    public IReadOnlyList<PredictionRecord> Of(
        Table input, Table scored, DateTimeOffset time, IReadOnlyList<string>? predictionIds, IReadOnlyList<string>? answerIds, AnswerDetails answer)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(scored);
        if (input.RowCount != scored.RowCount)
        {
            throw new ArgumentException($"The input has {input.RowCount} rows and the scored table {scored.RowCount}; they must be the same rows.", nameof(scored));
        }

        if ((predictionIds is not null && predictionIds.Count != input.RowCount) || (answerIds is not null && answerIds.Count != input.RowCount))
        {
            throw new ArgumentException($"The input has {input.RowCount} rows; there must be one prediction id and one answer id per row.", nameof(predictionIds));
        }

        var prediction = scored[PredictionColumns.Prediction];
        var probability = scored.Contains(PredictionColumns.Probability) ? scored.GetNumeric(PredictionColumns.Probability) : null;
        var inputs = InputColumnsOf(input);
        var keys = KeyColumnsOf(input);
        var json = t_json ??= new JsonText();
        var records = new PredictionRecord[scored.RowCount];
        for (var row = 0; row < records.Length; row++)
        {
            var id = predictionIds?[row] ?? PredictionIds.Format(PredictionIds.NewGuid(time));
            records[row] = new PredictionRecord
            {
                PredictionId = id,
                AnswerId = answerIds?[row] ?? id,
                RequestId = answer.RequestId,
                Time = time,
                Source = Source,
                Model = Model,
                Version = Version,
                BundleHash = BundleHash,
                Variant = answer.Variant,
                IsShadow = answer.IsShadow,
                Key = keys is null ? null : Key(keys, row, json),
                Inputs = Inputs(inputs, row, json),
                Prediction = prediction.FormatValue(row) ?? string.Empty,
                Probability = probability is not null && double.IsFinite(probability[row]) ? probability[row] : null,
                LatencyMs = answer.LatencyMs,
            };
        }

        return records;
    }

    // Columns are found by name once per table, not once per row; an input column the table lacks is left out.
    private Column?[] InputColumnsOf(Table input)
    {
        var columns = new Column?[_inputs.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = input.TryGetColumn(_inputs[i].Name, out var column) ? column : null;
        }

        return columns;
    }

    // Null when there are no id columns or the table lacks one: then no row has a key.
    private Column[]? KeyColumnsOf(Table input)
    {
        if (_keys.Length == 0)
        {
            return null;
        }

        var columns = new Column[_keys.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            if (!input.TryGetColumn(_keys[i].Name, out var column))
            {
                return null;
            }

            columns[i] = column;
        }

        return columns;
    }

    // The same text as PredictionKey.Canonical for these columns' values, written without boxing or sorting per row.
    private string? Key(Column[] columns, int row, JsonText json)
    {
        var writer = json.Start();
        writer.WriteStartObject();
        Span<char> number = stackalloc char[PredictionKey.MaxNumberLength];
        for (var i = 0; i < columns.Length; i++)
        {
            if (columns[i] is NumericColumn numbers)
            {
                if (!PredictionKey.TryFormatNumber(numbers[row], number, out var length))
                {
                    return null;
                }

                writer.WriteString(_keys[i].Encoded, number[..length]);
            }
            else if (PredictionKey.CanonicalText(columns[i].FormatValue(row)) is { } text)
            {
                writer.WriteString(_keys[i].Encoded, text);
            }
            else
            {
                return null;
            }
        }

        writer.WriteEndObject();
        return json.Text();
    }

    // Missing or non-finite numbers are null: the log holds what a JSON answer would.
    private string Inputs(Column?[] columns, int row, JsonText json)
    {
        var writer = json.Start();
        writer.WriteStartObject();
        for (var i = 0; i < columns.Length; i++)
        {
            if (columns[i] is not { } column)
            {
                continue;
            }

            var field = _inputs[i];
            writer.WritePropertyName(field.Encoded);
            if (field.IsHidden)
            {
                writer.WriteStringValue(HiddenValue);
            }
            else if (column is NumericColumn numbers)
            {
                var value = numbers[row];
                if (double.IsFinite(value))
                {
                    writer.WriteNumberValue(value);
                }
                else
                {
                    writer.WriteNullValue();
                }
            }
            else if (column.FormatValue(row) is { } text)
            {
                writer.WriteStringValue(text);
            }
            else
            {
                writer.WriteNullValue();
            }
        }

        writer.WriteEndObject();
        return json.Text();
    }

    private sealed record InputField(string Name, JsonEncodedText Encoded, bool IsHidden);

    private sealed record KeyField(string Name, JsonEncodedText Encoded);

    // A JSON writer over one growing buffer, reset for each value; the text is copied out as a string. One per thread,
    // kept for the thread's life: the writer holds only the managed buffer, so there is nothing to dispose early.
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Kept for the thread's life; managed memory only.")]
    private sealed class JsonText
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(512);
        private readonly Utf8JsonWriter _writer;

        public JsonText() => _writer = new Utf8JsonWriter(_buffer);

        public Utf8JsonWriter Start()
        {
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            return _writer;
        }

        public string Text()
        {
            _writer.Flush();
            return Encoding.UTF8.GetString(_buffer.WrittenSpan);
        }
    }
}
