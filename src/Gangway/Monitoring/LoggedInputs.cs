using System.Globalization;
using System.Text.Json;
using Gangway.Bundles;
using Gangway.Data;
using Gangway.Learners;
using Gangway.PredictionLog;
using Gangway.Scoring;

namespace Gangway.Monitoring;

/// <summary>
/// Logged predictions back as a table: the model's feature columns read from each record's inputs (as the model saw
/// them; a value the log hid as personal data, absent or of the wrong kind is missing), then the prediction (text, as
/// logged) and the probability.
/// </summary>
internal static class LoggedInputs
{
    public static Table ToTable(IReadOnlyList<PredictionRecord> records, IReadOnlyList<InputColumn> columns)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var numbers = new double[columns.Count][];
        var texts = new string?[columns.Count][];
        for (var c = 0; c < columns.Count; c++)
        {
            index[columns[c].Name] = c;
            if (columns[c].Type == ColumnType.Numeric)
            {
                numbers[c] = new double[records.Count];
                Array.Fill(numbers[c], double.NaN);
            }
            else
            {
                texts[c] = new string?[records.Count];
            }
        }

        var prediction = new string?[records.Count];
        var probability = new double[records.Count];
        for (var row = 0; row < records.Count; row++)
        {
            var record = records[row];
            prediction[row] = record.Prediction.Length == 0 ? null : record.Prediction;
            probability[row] = record.Probability ?? double.NaN;
            Read(record.Inputs, row, index, numbers, texts);
        }

        var built = new List<Column>(columns.Count + 2);
        for (var c = 0; c < columns.Count; c++)
        {
            built.Add(numbers[c] is { } values ? new NumericColumn(columns[c].Name, values) : new TextColumn(columns[c].Name, texts[c]));
        }

        built.Add(new TextColumn(PredictionColumns.Prediction, prediction));
        built.Add(new NumericColumn(PredictionColumns.Probability, probability));
        return new Table(built);
    }

    private static void Read(string inputs, int row, Dictionary<string, int> index, double[][] numbers, string?[][] texts)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(inputs));
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                if (!index.TryGetValue(name, out var c))
                {
                    reader.Skip();
                    continue;
                }

                if (numbers[c] is { } column)
                {
                    column[row] = reader.TokenType switch
                    {
                        JsonTokenType.Number => reader.GetDouble(),
                        JsonTokenType.String when double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
                        _ => double.NaN,
                    };
                }
                else
                {
                    texts[c][row] = reader.TokenType switch
                    {
                        JsonTokenType.String => reader.GetString() is { } text && text != PersonalDataMask.Hidden ? text : null,
                        JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
                        _ => null,
                    };
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // A record whose inputs are not a JSON object (written by hand into the store) gives what was read of it.
        }
    }
}
