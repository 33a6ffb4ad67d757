namespace Gangway.Stores;

/// <summary>
/// Outcomes and rewards given for logged predictions. Append-only: a second feedback row for the same prediction does
/// not replace the first, it is the newer one (the latest row wins) and the history stays, as the audit of the change.
/// </summary>
public interface IFeedbackStore
{
    /// <summary>Appends the rows in one transaction, in order (a later row in the list is the newer one).</summary>
    Task AppendAsync(IReadOnlyList<FeedbackRecord> feedback, CancellationToken cancellationToken);

    /// <summary>Every feedback row given for a prediction (its answer id), oldest first.</summary>
    Task<IReadOnlyList<FeedbackRecord>> HistoryAsync(string predictionId, CancellationToken cancellationToken);

    /// <summary>
    /// The logged predictions of <paramref name="model"/> (served and shadow) at or after <paramref name="since"/> whose
    /// answer has feedback, with the latest label and the latest reward given for it (taken separately, so a label
    /// stays when a reward comes later; null when none). Records without feedback are not read: count them with
    /// <see cref="IPredictionLogStore.CountAsync"/>. Driven by the feedback, read a page of answers at a time (bounded
    /// memory) in answer id order, each answer's records by id; records appended while reading may or may not be included.
    /// </summary>
    IAsyncEnumerable<PredictionOutcome> ReadOutcomesWithFeedbackAsync(string model, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Deletes the feedback rows given before <paramref name="cutoff"/> in small transactions; returns how many.</summary>
    Task<long> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
