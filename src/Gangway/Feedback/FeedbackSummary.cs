namespace Gangway.Feedback;

/// <summary>What <see cref="FeedbackRecorder.RecordAsync"/> did with a list of feedback.</summary>
/// <param name="Accepted">Rows recorded (duplicates included).</param>
/// <param name="Unknown">Feedback whose prediction is not in the log (unknown id, or no prediction for the key).</param>
/// <param name="Duplicate">Accepted rows for a prediction that already had feedback: the newer wins, the older stays as history.</param>
/// <param name="Late">Feedback for a prediction older than the retention, not recorded.</param>
/// <param name="Errors">Feedback refused as invalid, each naming its record and field.</param>
public sealed record FeedbackSummary(int Accepted, int Unknown, int Duplicate, int Late, IReadOnlyList<FeedbackError> Errors)
{
    /// <summary>How many pieces of feedback were given.</summary>
    public int Total => Accepted + Unknown + Late + Errors.Count;
}
