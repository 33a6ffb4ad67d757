namespace Gangway.Feedback;

/// <summary>
/// One piece of feedback as a host received it: which prediction (by id, or by business key) and what happened (a true
/// label, a reward, or both). <see cref="FeedbackRecorder"/> checks it.
/// </summary>
public sealed record FeedbackInput
{
    /// <summary>The prediction's id (as its answer gave it), or null when <see cref="Key"/> names it.</summary>
    public string? PredictionId { get; init; }

    /// <summary>
    /// The business key (id column names and values, e.g. <c>PassengerId = 892</c>), matched to the latest served
    /// prediction for that key of <see cref="FeedbackOptions.Model"/>; null when <see cref="PredictionId"/> names it.
    /// </summary>
    public IReadOnlyDictionary<string, object?>? Key { get; init; }

    /// <summary>The true label (e.g. <c>1</c>), or null.</summary>
    public string? Label { get; init; }

    /// <summary>The reward (e.g. 1.0 when the upgrade was bought), or null.</summary>
    public double? Reward { get; init; }
}
