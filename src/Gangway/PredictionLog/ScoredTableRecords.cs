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
    private readonly ModelBundle _bundle;
    private readonly PersonalDataMask _mask;
    private readonly IReadOnlyList<InputColumn> _inputs;
    private readonly IReadOnlyList<string> _ids;

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
        _bundle = bundle;
        _mask = PersonalDataMask.Of(bundle.Contract);
        _inputs = bundle.Schema.Columns;
        _ids = [.. bundle.Schema.Columns.Where(c => c.Role == ColumnRole.Id).Select(c => c.Name)];
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
    public IReadOnlyList<PredictionRecord> Of(Table input, Table scored, DateTimeOffset time) => Of(input, scored, time, null, null);

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
    public IReadOnlyList<PredictionRecord> Of(Table input, Table scored, DateTimeOffset time, IReadOnlyList<string>? predictionIds, IReadOnlyList<string>? answerIds)
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
        var records = new PredictionRecord[scored.RowCount];
        var buffer = new ArrayBufferWriter<byte>(256);
        using var json = new Utf8JsonWriter(buffer);
        for (var row = 0; row < records.Length; row++)
        {
            var id = predictionIds?[row] ?? PredictionIds.Format(Guid.CreateVersion7(time));
            records[row] = new PredictionRecord
            {
                PredictionId = id,
                AnswerId = answerIds?[row] ?? id,
                Time = time,
                Source = Source,
                Model = Model,
                Version = Version,
                BundleHash = BundleHash,
                Key = Key(input, row),
                Inputs = Inputs(input, row, buffer, json),
                Prediction = prediction.FormatValue(row) ?? string.Empty,
                Probability = probability is not null && double.IsFinite(probability[row]) ? probability[row] : null,
                LatencyMs = 0,
            };
        }

        return records;
    }

    private string? Key(Table input, int row) =>
        _ids.Count == 0 || !_ids.All(input.Contains)
            ? null
            : PredictionKey.Canonical(_ids.Select(name => new KeyValuePair<string, object?>(name, ValueOf(input[name], row))));

    private string Inputs(Table input, int row, ArrayBufferWriter<byte> buffer, Utf8JsonWriter json)
    {
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        json.WriteStartObject();
        foreach (var column in _inputs)
        {
            if (!input.Contains(column.Name))
            {
                continue;
            }

            json.WritePropertyName(column.Name);
            if (_mask.Hides(column.Name))
            {
                json.WriteStringValue(PersonalDataMask.Hidden);
                continue;
            }

            switch (ValueOf(input[column.Name], row))
            {
                case double number:
                    json.WriteNumberValue(number);
                    break;
                case string text:
                    json.WriteStringValue(text);
                    break;
                default:
                    json.WriteNullValue();
                    break;
            }
        }

        json.WriteEndObject();
        json.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // Missing or non-finite numbers are null: the log holds what a JSON answer would.
    private static object? ValueOf(Column column, int row) => column switch
    {
        NumericColumn numbers => double.IsFinite(numbers[row]) ? numbers[row] : null,
        TextColumn texts => texts[row],
        _ => column.FormatValue(row),
    };
}
