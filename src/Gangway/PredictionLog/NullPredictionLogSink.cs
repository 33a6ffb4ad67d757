namespace Gangway.PredictionLog;

/// <summary>Keeps nothing: the log switched off.</summary>
internal sealed class NullPredictionLogSink : IPredictionLogSink
{
    public Task WriteAsync(IReadOnlyList<PredictionRecord> records, CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
