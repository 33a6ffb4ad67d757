using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Gangway.Bundles;
using Gangway.Data;
using Gangway.Learners;
using Gangway.Schema;
using Gangway.Server.Serving;
using Microsoft.OpenApi;

namespace Gangway.Server.Models;

/// <summary>
/// JSON schemas and examples of the served model's records and answers for the OpenAPI document, built from its input
/// schema, its data contract (types, nullability, allowed values, ranges) and its example rows. Values of personal-data
/// columns never appear in an example: <see cref="HiddenValue"/> stands in for them.
/// </summary>
internal static class ContractSchemas
{
    /// <summary>What an example shows for a personal-data column.</summary>
    public const string HiddenValue = "(personal data)";

    private const int ExampleRows = 2;

    /// <summary>
    /// One record: each input column with its type, allowed values and range; required when the contract says it may
    /// not be null, unless it is an id (a record may leave its ids out).
    /// </summary>
    public static OpenApiSchema Record(Served served)
    {
        var record = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = $"One record for model '{served.Bundle.Name}'. Fields that are not inputs of the model are ignored; a missing field is a missing value.",
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal),
            Required = new HashSet<string>(StringComparer.Ordinal),
        };
        foreach (var column in served.Schema.Columns)
        {
            var contract = served.Contract?.Find(column.Name);
            record.Properties[column.Name] = Field(column, contract, contract?.Nullable ?? true);
            if (contract is { Nullable: false, Optional: false })
            {
                record.Required.Add(column.Name);
            }
        }

        if (Examples(served) is [{ } example, ..])
        {
            record.Examples = [example.DeepClone()];
        }

        return record;
    }

    /// <summary>Up to two of the bundle's example rows as JSON records.</summary>
    public static JsonArray Examples(Served served)
    {
        var examples = served.Bundle.Examples;
        var rows = new JsonArray();
        for (var row = 0; row < Math.Min(ExampleRows, examples.RowCount); row++)
        {
            var record = new JsonObject();
            foreach (var column in examples.Columns)
            {
                record[column.Name] = served.Contract?.Find(column.Name) is { Pii: true } && !column.IsMissing(row) ? HiddenValue : Cell(column, row);
            }

            rows.Add(record);
        }

        return rows;
    }

    /// <summary>The same example rows as CSV with a header row.</summary>
    public static string ExampleCsv(Served served)
    {
        var csv = new StringBuilder(string.Join(',', served.Schema.Columns.Select(c => Quoted(c.Name)))).Append('\n');
        foreach (var record in Examples(served).Cast<JsonObject>())
        {
            csv.Append(string.Join(',', record.Select(p => p.Value is null ? "" : Quoted(p.Value.ToString())))).Append('\n');
        }

        return csv.ToString();
    }

    /// <summary>The <c>model</c> object every answer starts with.</summary>
    public static OpenApiSchema ModelReference() => Object(
        "The model that answered.",
        ("name", Typed(JsonSchemaType.String, "The model's name from its spec.")),
        ("version", Typed(JsonSchemaType.String, "The first 12 hex digits of the bundle's SHA-256.")),
        ("registered", Typed(JsonSchemaType.String | JsonSchemaType.Null, "The registered version (e.g. titanic:3); null for a bundle file served directly.")),
        ("variant", Variant("The deployment variant that answered the whole request; absent without a deployment and when a batch routed by a record field was split across variants.")));

    /// <summary>The <c>variant</c> of one record's answer.</summary>
    private static OpenApiSchema Variant(string description) => Typed(JsonSchemaType.String, description);

    private const string RecordVariant = "The deployment variant that answered this record; absent without a deployment.";

    /// <summary>
    /// The 200 answer of <c>/predict</c>: the model and, per record, its ids, prediction (a number when
    /// <paramref name="numericPrediction"/>, else a string) and probability.
    /// </summary>
    public static OpenApiSchema PredictAnswer(Served served, bool numericPrediction)
    {
        var prediction = Object($"One prediction, in request order.", [.. Ids(served),
            (PredictionColumns.Prediction, Typed(numericPrediction ? JsonSchemaType.Number : JsonSchemaType.String, $"The predicted '{served.Bundle.Schema.Target}'.")),
            (PredictionColumns.Probability, Probability($"The probability that '{served.Bundle.Schema.Target}' is '{served.Bundle.Schema.PositiveClass}'; null when it cannot be computed.")),
            ("variant", Variant(RecordVariant))]);
        return Object("The predictions.", ("model", ModelReference()), ("predictions", new OpenApiSchema { Type = JsonSchemaType.Array, Items = prediction }));
    }

    /// <summary>An example 200 answer of <c>/predict</c>: the example rows scored by the model.</summary>
    public static JsonObject PredictExample(Served served)
    {
        var examples = served.Bundle.Examples.Take([.. Enumerable.Range(0, Math.Min(ExampleRows, served.Bundle.Examples.RowCount))]);
        var scored = served.Bundle.Model.Transform(examples);
        var predictions = new JsonArray();
        for (var row = 0; row < scored.RowCount; row++)
        {
            var prediction = new JsonObject();
            foreach (var id in served.Schema.Ids)
            {
                prediction[id.Name] = Cell(examples[id.Name], row);
            }

            prediction[PredictionColumns.Prediction] = Cell(scored[PredictionColumns.Prediction], row);
            prediction[PredictionColumns.Probability] = Cell(scored[PredictionColumns.Probability], row);
            predictions.Add(prediction);
        }

        var model = new JsonObject { ["name"] = served.Bundle.Name, ["version"] = served.Version, ["registered"] = served.Registered };
        return new JsonObject { ["model"] = model, ["predictions"] = predictions };
    }

    /// <summary>The 200 answer of <c>/upsell</c>: per record, its ids, its tier, the probability in each tier and the recommendation.</summary>
    public static OpenApiSchema UpsellAnswer(Served served)
    {
        var tiers = served.Upsell?.Spec.Order ?? [];
        var offer = Object(
            "An upgrade, or null.",
            ("class", new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. tiers.Select(t => (JsonNode)JsonValue.Create(t))] }),
            ("probability", Probability("The probability of the positive class in that tier.")),
            ("gain", Typed(JsonSchemaType.Number, "The probability minus the record's current probability.")));
        offer.Type |= JsonSchemaType.Null;
        var result = Object("One result, in request order.", [.. Ids(served),
            ("current_class", new OpenApiSchema { Type = JsonSchemaType.String, Description = "The record's tier.", Enum = [.. tiers.Select(t => (JsonNode)JsonValue.Create(t))] }),
            ("probabilities", new OpenApiSchema { Type = JsonSchemaType.Object, Description = "Tier to probability, for the record's tier and every higher one.", AdditionalProperties = Probability("The probability in that tier.") }),
            ("recommendation", offer),
            ("best_upgrade", offer),
            ("threshold", Typed(JsonSchemaType.Number, "The smallest gain that is recommended.")),
            ("variant", Variant(RecordVariant))]);
        return Object("The upsell results.", ("model", ModelReference()), ("results", new OpenApiSchema { Type = JsonSchemaType.Array, Items = result }));
    }

    private static OpenApiSchema Field(InputColumn column, ColumnSchema? contract, bool nullable)
    {
        var numeric = column.Type == ColumnType.Numeric;
        var type = contract?.Type switch
        {
            SchemaType.Integer or SchemaType.Boolean when numeric => JsonSchemaType.Integer,
            _ when numeric => JsonSchemaType.Number,
            _ => JsonSchemaType.String,
        };
        var field = new OpenApiSchema { Type = nullable ? type | JsonSchemaType.Null : type, Description = Describe(column, contract) };
        if (contract?.AllowedValues is { } allowed)
        {
            field.Enum = [.. allowed.Select(v => numeric && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? Number(n) : JsonValue.Create(v))];
            if (nullable)
            {
                field.Enum.Add(JsonNullSentinel.JsonNull);
            }
        }

        field.Minimum = contract?.Min?.ToString(CultureInfo.InvariantCulture);
        field.Maximum = contract?.Max?.ToString(CultureInfo.InvariantCulture);
        field.MaxLength = contract?.MaxLength;
        field.Pattern = contract?.Pattern;
        return field;
    }

    private static string Describe(InputColumn column, ColumnSchema? contract)
    {
        var parts = new List<string>();
        if (contract?.Description is { } description)
        {
            parts.Add(description);
        }

        if (column.Role == ColumnRole.Id)
        {
            parts.Add("An id: not used to predict, copied to the answer.");
        }

        if (contract?.Type == SchemaType.DateTime)
        {
            parts.Add("An ISO 8601 date (yyyy-MM-dd) or date-time (yyyy-MM-ddTHH:mm:ss).");
        }

        if (contract is { Pii: true })
        {
            parts.Add("Personal data: its value is never shown in errors.");
        }

        return parts.Count > 0 ? string.Join(' ', parts) : contract?.Type switch
        {
            SchemaType.Category => "One of the allowed values.",
            SchemaType.Integer => "A whole number.",
            SchemaType.Boolean => "0 or 1 (true and false are read as 1 and 0).",
            SchemaType.Text => "Free text.",
            _ => column.Type == ColumnType.Numeric ? "A number." : "A string.",
        };
    }

    // In an answer an id is null when the record had none.
    private static IEnumerable<(string Name, IOpenApiSchema Schema)> Ids(Served served) =>
        served.Schema.Ids.Select(id => (id.Name, (IOpenApiSchema)Field(id, served.Contract?.Find(id.Name), nullable: true)));

    private static OpenApiSchema Object(string description, params (string Name, IOpenApiSchema Schema)[] properties) => new()
    {
        Type = JsonSchemaType.Object,
        Description = description,
        Properties = properties.ToDictionary(p => p.Name, p => p.Schema, StringComparer.Ordinal),
    };

    private static OpenApiSchema Typed(JsonSchemaType type, string description) => new() { Type = type, Description = description };

    private static OpenApiSchema Probability(string description) =>
        new() { Type = JsonSchemaType.Number | JsonSchemaType.Null, Minimum = "0", Maximum = "1", Description = description };

    private static JsonValue? Cell(Column column, int row) => column switch
    {
        _ when column.IsMissing(row) => null,
        NumericColumn numbers => Number(numbers[row]),
        TextColumn texts => JsonValue.Create(texts[row]),
        _ => JsonValue.Create(column.FormatValue(row)),
    };

    private static JsonValue Number(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e15 ? JsonValue.Create((long)value) : JsonValue.Create(value);

    private static string Quoted(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}
