using Gangway.Stores;

namespace Gangway.PredictionLog;

/// <summary>Appends each batch to a store's prediction log in one transaction; owns (and disposes) the store.</summary>
internal sealed class StorePredictionLogSink(IStore store) : IPredictionLogSink
{
    public Task WriteAsync(IReadOnlyList<PredictionRecord> records, CancellationToken cancellationToken) =>
        store.PredictionLog.AppendAsync(records, cancellationToken);

    public ValueTask DisposeAsync() => store.DisposeAsync();
}
