namespace Gangway.Stores;

/// <summary>One feedback row: what happened after a prediction.</summary>
/// <param name="Id">The row's id (a version 7 GUID, 32 hex digits).</param>
/// <param name="PredictionId">The answer it is about: the <see cref="PredictionLog.PredictionRecord.AnswerId"/> of the logged records.</param>
/// <param name="Label">The true label, as the model's class text, or null when only a reward was given.</param>
/// <param name="Reward">The reward (e.g. 1 when the upgrade was bought), or null when only a label was given.</param>
/// <param name="Time">When it was recorded, in UTC.</param>
/// <param name="Source">Who or what gave it (e.g. <c>api</c>, <c>import:outcomes.csv</c>).</param>
public sealed record FeedbackRecord(string Id, string PredictionId, string? Label, double? Reward, DateTimeOffset Time, string Source);
