namespace Gangway.PredictionLog;

/// <summary>
/// Where a <see cref="PredictionLogWriter"/> puts its batches: the store, JSON Lines files or nowhere
/// (<see cref="PredictionLogSinks"/>). The writer calls <see cref="WriteAsync"/> from one loop, never concurrently, and
/// disposes the sink when it is disposed.
/// </summary>
public interface IPredictionLogSink : IAsyncDisposable
{
    /// <summary>Writes one batch, all of it or (on an exception) possibly none; the writer retries a batch that failed.</summary>
    Task WriteAsync(IReadOnlyList<PredictionRecord> records, CancellationToken cancellationToken);
}
