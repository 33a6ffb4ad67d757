using System.Globalization;
using System.Text.Json;

namespace Gangway.PredictionLog;

/// <summary>
/// A <see cref="PredictionRecord"/> as one JSON object with snake_case names, the inputs as a nested object: the form of
/// the JSON Lines log and of <c>gangway log export --out file.jsonl</c>.
/// </summary>
public static class PredictionRecordJson
{
    /// <summary>The names in the order they are written; also the CSV export's header.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "prediction_id", "answer_id", "request_id", "time", "source", "model", "version", "bundle_hash", "variant", "is_shadow",
        "key", "inputs", "prediction", "probability", "latency_ms",
    ];

    /// <summary>Writes the record as one JSON object.</summary>
    public static void Write(Utf8JsonWriter json, PredictionRecord record)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(record);
        json.WriteStartObject();
        json.WriteString("prediction_id", record.PredictionId);
        json.WriteString("answer_id", record.AnswerId);
        WriteStringOrNull(json, "request_id", record.RequestId);
        json.WriteString("time", Time(record.Time));
        json.WriteString("source", record.Source);
        json.WriteString("model", record.Model);
        if (record.Version is { } version)
        {
            json.WriteNumber("version", version);
        }
        else
        {
            json.WriteNull("version");
        }

        json.WriteString("bundle_hash", record.BundleHash);
        WriteStringOrNull(json, "variant", record.Variant);
        json.WriteBoolean("is_shadow", record.IsShadow);
        WriteStringOrNull(json, "key", record.Key);
        json.WritePropertyName("inputs");
        json.WriteRawValue(record.Inputs);
        json.WriteString("prediction", record.Prediction);
        if (record.Probability is { } probability && double.IsFinite(probability))
        {
            json.WriteNumber("probability", probability);
        }
        else
        {
            json.WriteNull("probability");
        }

        json.WriteNumber("latency_ms", double.IsFinite(record.LatencyMs) ? record.LatencyMs : 0);
        json.WriteEndObject();
    }

    /// <summary>A time as the log writes it: UTC, ISO 8601 with 7 fractional digits.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static void WriteStringOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
