namespace Gangway.Feedback;

/// <summary>Why one piece of feedback was refused.</summary>
/// <param name="Index">Its zero-based position in the list given to <see cref="FeedbackRecorder.RecordAsync"/>.</param>
/// <param name="Field">The field at fault: <c>prediction_id</c>, <c>key</c>, <c>label</c> or <c>reward</c>.</param>
/// <param name="Message">What is wrong, naming the field, the rule and the value (without the record, which hosts name their way).</param>
public sealed record FeedbackError(int Index, string Field, string Message)
{
    /// <summary>The message prefixed by how the host names the record, e.g. <c>row 7: field 'label' ...</c>.</summary>
    public string Describe(string recordName) => $"{recordName}: {Message}";
}
