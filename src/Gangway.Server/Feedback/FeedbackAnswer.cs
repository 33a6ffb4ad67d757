using System.Text.Json.Serialization;

namespace Gangway.Server.Feedback;

/// <summary>What <c>POST /feedback</c> did with the feedback it was given.</summary>
/// <param name="Accepted">Feedback recorded (duplicates included).</param>
/// <param name="Unknown">Feedback whose prediction is not in the log (unknown id, or no prediction for the key).</param>
/// <param name="Duplicate">Recorded feedback for a prediction that already had some: the newest wins, the older stays as history.</param>
/// <param name="Late">Feedback for a prediction older than the log's retention, not recorded.</param>
/// <param name="Errors">Feedback refused once matched to its prediction (a label that is not a class of the model that made it).</param>
public sealed record FeedbackAnswer(
    [property: JsonPropertyName("accepted")] int Accepted,
    [property: JsonPropertyName("unknown")] int Unknown,
    [property: JsonPropertyName("duplicate")] int Duplicate,
    [property: JsonPropertyName("late")] int Late,
    [property: JsonPropertyName("errors")] IReadOnlyList<FeedbackProblem> Errors);

/// <summary>One piece of feedback refused.</summary>
/// <param name="Record">Its zero-based position in the request.</param>
/// <param name="Field">The field at fault: <c>prediction_id</c>, <c>key</c>, <c>label</c>, <c>reward</c>, or an unknown field's name.</param>
/// <param name="Message">A sentence naming the record, the field, the rule and the value.</param>
public sealed record FeedbackProblem(
    [property: JsonPropertyName("record")] int Record,
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("message")] string Message);
