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
    /// Every logged prediction of <paramref name="model"/> (served and shadow) at or after <paramref name="since"/>, with
    /// the latest label and reward given for its answer (null when none), ordered by time then id and read page by page.
    /// </summary>
    IAsyncEnumerable<PredictionOutcome> ReadOutcomesAsync(string model, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Deletes the feedback rows given before <paramref name="cutoff"/> in small transactions; returns how many.</summary>
    Task<long> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
