using System.Globalization;
using System.Text.Json;
using Gangway.Feedback;
using Gangway.Server.Hosting;

namespace Gangway.Server.Feedback;

/// <summary>
/// Reads the body of <c>POST /feedback</c>: a JSON array of feedback objects, or one object, each with
/// <c>prediction_id</c> or <c>key</c>, and <c>label</c> and/or <c>reward</c>. A field of the wrong type or an unknown
/// field is an error of its record; the rest is checked by <see cref="FeedbackRecorder.Validate"/>.
/// </summary>
internal static class FeedbackBody
{
    public const string PredictionId = "prediction_id";
    public const string Key = "key";
    public const string Label = "label";
    public const string Reward = "reward";

    private static readonly string KnownFields = string.Join(", ", PredictionId, Key, Label, Reward);

    /// <exception cref="GangwayException">The body is not JSON, too deep, or neither an array nor an object (<see cref="ErrorKind.Unreadable"/>).</exception>
    public static (IReadOnlyList<FeedbackInput> Inputs, IReadOnlyList<FeedbackError> Errors) Read(ReadOnlyMemory<byte> body, ServerOptions options)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = options.MaxJsonDepth });
        }
        catch (JsonException ex)
        {
            throw new GangwayException(ErrorKind.Unreadable, $"The body is not valid JSON (at most {options.MaxJsonDepth} levels deep): {ex.Message.Split(". ")[0].TrimEnd('.')}.");
        }

        using (document)
        {
            var root = document.RootElement;
            var elements = root.ValueKind switch
            {
                JsonValueKind.Array => [.. root.EnumerateArray()],
                JsonValueKind.Object => new[] { root },
                _ => throw new GangwayException(ErrorKind.Unreadable, "The body must be a JSON array of feedback objects or one object, e.g. {\"prediction_id\": \"...\", \"label\": \"1\"}."),
            };
            if (elements.Length == 0)
            {
                throw new GangwayException(ErrorKind.Unreadable, "The body is an empty array; send at least one feedback object.");
            }

            var inputs = new List<FeedbackInput>(elements.Length);
            var errors = new List<FeedbackError>();
            for (var index = 0; index < elements.Length; index++)
            {
                inputs.Add(ReadOne(index, elements[index], errors));
            }

            return (inputs, errors);
        }
    }

    private static FeedbackInput ReadOne(int index, JsonElement element, List<FeedbackError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FeedbackError(index, PredictionId, $"must be a JSON object with '{PredictionId}' or '{Key}', and '{Label}' or '{Reward}'; it is {Kind(element)}."));
            return new FeedbackInput();
        }

        var input = new FeedbackInput();
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            var problem = property.Name switch
            {
                PredictionId when value.ValueKind is JsonValueKind.String => Set(ref input, input with { PredictionId = value.GetString() }),
                Key when value.ValueKind is JsonValueKind.Object => KeyOf(value, ref input),
                Label when value.ValueKind is JsonValueKind.String or JsonValueKind.Number => Set(ref input, input with { Label = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText() }),
                Label when value.ValueKind is JsonValueKind.True or JsonValueKind.False => Set(ref input, input with { Label = value.GetBoolean() ? "true" : "false" }),
                Reward when value.ValueKind is JsonValueKind.Number => Set(ref input, input with { Reward = value.GetDouble() }),
                PredictionId or Key or Label or Reward when value.ValueKind is JsonValueKind.Null => null,
                PredictionId => $"field '{PredictionId}' must be a text of 32 hex digits; it is {Kind(value)}.",
                Key => $"field '{Key}' must be an object of id columns and values, e.g. {{\"PassengerId\": 892}}; it is {Kind(value)}.",
                Label => $"field '{Label}' must be a text, a number or true/false; it is {Kind(value)}.",
                Reward => $"field '{Reward}' must be a number; it is {Kind(value)}.",
                _ => $"field '{Truncated(property.Name)}' is not known; the fields are {KnownFields}.",
            };
            if (problem is not null)
            {
                errors.Add(new FeedbackError(index, property.Name is PredictionId or Key or Label or Reward ? property.Name : Truncated(property.Name), problem));
            }
        }

        return input;
    }

    private static string? KeyOf(JsonElement value, ref FeedbackInput input)
    {
        var key = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var column in value.EnumerateObject())
        {
            if (column.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                return $"field '{Key}' must map each id column to a text or a number; '{Truncated(column.Name)}' is {Kind(column.Value)}.";
            }

            key[column.Name] = column.Value.Clone();
        }

        return Set(ref input, input with { Key = key });
    }

    private static string? Set(ref FeedbackInput input, FeedbackInput value)
    {
        input = value;
        return null;
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a text",
        JsonValueKind.Number => "the number " + element.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        _ => "null",
    };

    private static string Truncated(string name) => name.Length > 64 ? string.Concat(name.AsSpan(0, 64), "…") : name;

    internal static string Describe(FeedbackError error) => $"record {error.Index.ToString(CultureInfo.InvariantCulture)}: {error.Message}";
}
