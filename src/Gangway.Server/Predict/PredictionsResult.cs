using System.Buffers;
using System.Reflection;
using System.Text.Json;
using Gangway.Data;
using Gangway.Learners;
using Gangway.Pipelines;
using Gangway.Scoring;
using Gangway.Server.Records;
using Gangway.Server.Serving;
using Microsoft.AspNetCore.Http.Metadata;

namespace Gangway.Server.Predict;

/// <summary>
/// The 200 answer of <c>POST /predict</c>, written straight from the scored table as <see cref="PredictResponse"/>'s JSON:
/// no dictionary or boxed number per record. Missing or non-finite numbers are written as null, so a 2xx never carries
/// NaN or infinity. One record scored on the fast path (<see cref="RowScorer"/>) is written from its row instead, which
/// goes back to the scorer's pool once written. An id field a record did not give is left out of its answer. With a
/// deployment each record says its <c>variant</c>; a batch split across variants by a routing field is one answer made
/// of the answers of its parts, written in request order.
/// </summary>
internal sealed class PredictionsResult : IResult, IEndpointMetadataProvider
{
    // Flush to the client every this many records so a large answer is not held whole in memory.
    private const int RecordsPerFlush = 1024;

    private readonly Served _served;
    private readonly Table? _input;
    private readonly Table? _scored;
    private readonly IdPresence _ids = IdPresence.All;
    private readonly NumericColumn? _probability;
    private readonly Column? _prediction;
    private readonly RowValues? _row;
    private readonly RowPrediction _rowPrediction;
    private readonly double _rowProbability;
    private readonly Guid[] _predictionIds = [];
    private readonly Guid _rowPredictionId;
    private readonly PredictionsResult[]? _parts;
    private readonly int[] _partOfRecord = [];
    private readonly int[] _rowInPart = [];
    private readonly double[] _splitProbabilities = [];

    /// <summary>The answer for the scored rows of <paramref name="input"/>; an id a record did not give (<paramref name="ids"/>) is left out of its answer.</summary>
    public PredictionsResult(Served served, Table input, Table scored, IdPresence ids, DateTimeOffset now)
    {
        _served = served;
        _input = input;
        _ids = ids;
        Count = input.RowCount;
        _predictionIds = Serving.PredictionIds.New(Count, now);
        if (scored.RowCount > 0)
        {
            _scored = scored;
            _prediction = scored[PredictionColumns.Prediction];
            _probability = scored.GetNumeric(PredictionColumns.Probability);
        }
    }

    /// <summary>The answer for one record scored by <paramref name="served"/>'s row scorer; <paramref name="row"/> is returned to it once written.</summary>
    public PredictionsResult(Served served, RowValues row, RowPrediction prediction, DateTimeOffset now)
    {
        _served = served;
        _row = row;
        _rowPredictionId = Serving.PredictionIds.New(now);
        _rowPrediction = prediction;
        _rowProbability = prediction.Probability;
        Count = 1;
    }

    /// <summary>
    /// The answer of a batch split across variants: record <c>r</c> is row <paramref name="rowInPart"/>[r] of part
    /// <paramref name="partOfRecord"/>[r]. Its <c>model</c> names the first record's model, without <c>variant</c>.
    /// </summary>
    public PredictionsResult(PredictionsResult[] parts, int[] partOfRecord, int[] rowInPart)
    {
        _parts = parts;
        _partOfRecord = partOfRecord;
        _rowInPart = rowInPart;
        _served = parts[partOfRecord[0]]._served;
        Count = partOfRecord.Length;
        _predictionIds = new Guid[Count];
        _splitProbabilities = new double[Count];
        for (var record = 0; record < Count; record++)
        {
            var part = parts[partOfRecord[record]];
            _predictionIds[record] = part._predictionIds[rowInPart[record]];
            _splitProbabilities[record] = part.Probabilities[rowInPart[record]];
        }
    }

    /// <summary>The model that answered: with a split batch, the first record's (see <see cref="Parts"/>).</summary>
    public Served Served => _served;

    /// <summary>The answers of the variants a split batch went to, one per variant; null when one model answered all records.</summary>
    public IReadOnlyList<PredictionsResult>? Parts => _parts;

    /// <summary>The rows read (null for one record scored on the fast path: see <see cref="Row"/>).</summary>
    public Table? Input => _input;

    /// <summary>What the model scored for <see cref="Input"/> (null when there were no rows or for the fast path).</summary>
    public Table? Scored => _scored;

    /// <summary>The one record scored on the fast path, until the answer is written (it then goes back to the pool), else null.</summary>
    public RowValues? Row => _row;

    /// <summary>What the fast path scored for <see cref="Row"/>.</summary>
    public RowPrediction RowPrediction => _rowPrediction;

    /// <summary>The number of records answered.</summary>
    public int Count { get; }

    /// <summary>The id of each record's prediction, in request order.</summary>
    public ReadOnlySpan<Guid> PredictionIds => _row is not null ? new ReadOnlySpan<Guid>(in _rowPredictionId) : _predictionIds;

    /// <summary>The probability of each record, in request order (empty when there are none).</summary>
    public ReadOnlySpan<double> Probabilities => _row is not null
        ? new ReadOnlySpan<double>(in _rowProbability)
        : _parts is not null ? _splitProbabilities
        : _probability is null ? [] : _probability.Values;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        if (Count <= RecordsPerFlush)
        {
            // A small answer goes out whole with its length (no chunked encoding), formatted by this thread's writer
            // and copied into the response before the first await, so the writer is free for the next request.
            var (buffer, json) = ThreadWriter.Get();
            try
            {
                WriteRecords(json, 0, Count, start: true, end: true);
                json.Flush();
            }
            finally
            {
                if (_row is not null)
                {
                    _served.Rows!.Return(_row);
                }
            }

            response.ContentLength = buffer.WrittenCount;
            response.BodyWriter.Write(buffer.WrittenSpan);
            await response.BodyWriter.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
            return;
        }

        var body = response.BodyWriter;
        await using var stream = new Utf8JsonWriter(body);
        for (var first = 0; first < Count; first += RecordsPerFlush)
        {
            var last = Math.Min(first + RecordsPerFlush, Count);
            WriteRecords(stream, first, last, start: first == 0, end: last == Count);
            await stream.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
            await body.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>Declares the 200 answer as <see cref="PredictResponse"/> in the OpenAPI document.</summary>
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(PredictResponse), ["application/json"]));
    }

    private void WriteRecords(Utf8JsonWriter json, int first, int last, bool start, bool end)
    {
        if (start)
        {
            json.WriteStartObject();
            json.WriteStartObject(Names.Model);
            json.WriteString(Names.Name, _served.EncodedName);
            json.WriteString(Names.Version, _served.EncodedVersion);
            if (_served.EncodedRegistered is { } registered)
            {
                json.WriteString(Names.Registered, registered);
            }
            else
            {
                json.WriteNull(Names.Registered);
            }

            // A split batch has no one variant: each record names its own.
            if (_served.EncodedVariant is { } variant && _parts is null)
            {
                json.WriteString(Names.Variant, variant);
            }

            json.WriteEndObject();
            json.WriteStartArray(Names.Predictions);
        }

        for (var row = first; row < last; row++)
        {
            WriteRecord(json, row);
        }

        if (end)
        {
            json.WriteEndArray();
            json.WriteEndObject();
        }
    }

    private void WriteRecord(Utf8JsonWriter json, int row)
    {
        if (_parts is not null)
        {
            _parts[_partOfRecord[row]].WriteRecord(json, _rowInPart[row]);
            return;
        }

        if (_row is not null)
        {
            WriteRowRecord(json, _row);
            return;
        }

        json.WriteStartObject();
        var schema = _served.Schema;
        for (var i = 0; i < schema.Ids.Count; i++)
        {
            if (_ids.IsGiven(schema.IdIndexes[i], row))
            {
                json.WritePropertyName(schema.EncodedIdNames[i]);
                WriteValue(json, _input![schema.Ids[i].Name], row);
            }
        }

        Serving.PredictionIds.Write(json, _predictionIds[row]);
        json.WritePropertyName(Names.Prediction);
        WriteValue(json, _prediction!, row);
        json.WritePropertyName(Names.Probability);
        WriteValue(json, _probability!, row);
        WriteVariant(json);
        json.WriteEndObject();
    }

    private void WriteRowRecord(Utf8JsonWriter json, RowValues row)
    {
        json.WriteStartObject();
        var schema = _served.Schema;
        for (var i = 0; i < schema.Ids.Count; i++)
        {
            var input = schema.IdIndexes[i];
            if (!row.IsGiven(input))
            {
                continue;
            }

            json.WritePropertyName(schema.EncodedIdNames[i]);
            if (schema.IsNumeric(input))
            {
                WriteNumber(json, row.GetNumber(input));
            }
            else
            {
                WriteText(json, row.GetText(input));
            }
        }

        Serving.PredictionIds.Write(json, _rowPredictionId);
        json.WritePropertyName(Names.Prediction);
        if (_rowPrediction.Text is { } text)
        {
            json.WriteStringValue(text);
        }
        else
        {
            WriteNumber(json, _rowPrediction.Number);
        }

        json.WritePropertyName(Names.Probability);
        WriteNumber(json, _rowPrediction.Probability);
        WriteVariant(json);
        json.WriteEndObject();
    }

    private void WriteVariant(Utf8JsonWriter json)
    {
        if (_served.EncodedVariant is { } variant)
        {
            json.WriteString(Names.Variant, variant);
        }
    }

    private static void WriteNumber(Utf8JsonWriter json, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumberValue(value);
        }
        else
        {
            json.WriteNullValue();
        }
    }

    private static void WriteText(Utf8JsonWriter json, string? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(value);
        }
    }

    private static void WriteValue(Utf8JsonWriter json, Column column, int row)
    {
        switch (column)
        {
            case NumericColumn numbers when double.IsFinite(numbers[row]):
                json.WriteNumberValue(numbers[row]);
                break;
            case NumericColumn:
                json.WriteNullValue();
                break;
            case TextColumn texts when texts[row] is { } text:
                json.WriteStringValue(text);
                break;
            case TextColumn:
                json.WriteNullValue();
                break;
            default:
                json.WriteStringValue(column.FormatValue(row));
                break;
        }
    }

    // Encoded once: writing them then skips the escaping check.
    private static class Names
    {
        public static readonly JsonEncodedText Model = JsonEncodedText.Encode("model");
        public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
        public static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
        public static readonly JsonEncodedText Registered = JsonEncodedText.Encode("registered");
        public static readonly JsonEncodedText Predictions = JsonEncodedText.Encode("predictions");
        public static readonly JsonEncodedText Variant = JsonEncodedText.Encode("variant");
        public static readonly JsonEncodedText Prediction = JsonEncodedText.Encode(PredictionColumns.Prediction);
        public static readonly JsonEncodedText Probability = JsonEncodedText.Encode(PredictionColumns.Probability);
    }

    private static class ThreadWriter
    {
        [ThreadStatic]
        private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Json)? _current;

        public static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Json) Get()
        {
            var (buffer, json) = _current ??= (new ArrayBufferWriter<byte>(1024), new Utf8JsonWriter(Stream.Null));
            buffer.ResetWrittenCount();
            json.Reset(buffer);
            return (buffer, json);
        }
    }
}
