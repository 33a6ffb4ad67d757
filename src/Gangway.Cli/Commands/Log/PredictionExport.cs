using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Gangway.PredictionLog;

namespace Gangway.Cli.Commands.Log;

/// <summary>Logged predictions as CSV (the inputs as one JSON text field) or JSON Lines, with the log's snake_case names.</summary>
internal static class PredictionExport
{
    public static long WriteJsonLines(TextWriter writer, IEnumerable<PredictionRecord> records)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        long count = 0;
        foreach (var record in records)
        {
            buffer.Clear();
            using (var json = new Utf8JsonWriter(buffer))
            {
                PredictionRecordJson.Write(json, record);
            }

            writer.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
            writer.Write('\n');
            count++;
        }

        return count;
    }

    public static long WriteCsv(TextWriter writer, IEnumerable<PredictionRecord> records)
    {
        writer.Write(string.Join(',', PredictionRecordJson.Names));
        writer.Write('\n');
        long count = 0;
        foreach (var r in records)
        {
            string?[] fields =
            [
                r.PredictionId, r.AnswerId, r.RequestId, PredictionRecordJson.Time(r.Time), r.Source, r.Model, Number(r.Version), r.BundleHash, r.Variant,
                r.IsShadow ? "true" : "false", r.Key, r.Inputs, r.Prediction, Number(r.Probability), Number(r.LatencyMs),
            ];
            writer.Write(string.Join(',', fields.Select(Field)));
            writer.Write('\n');
            count++;
        }

        return count;
    }

    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    // RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled; a missing value is empty.
    private static string Field(string? value) =>
        value is null ? ""
        : value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value
        : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
