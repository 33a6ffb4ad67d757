using System.Collections.Concurrent;
using Gangway.PredictionLog;

namespace Gangway.Tests.PredictionLog;

/// <summary>
/// A sink that keeps every batch in memory, and can be told to fail a number of writes or to hold a write until
/// released, so the writer's queueing, retries and shutdown can be watched.
/// </summary>
internal sealed class RecordingSink : IPredictionLogSink
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _failuresLeft;

    public ConcurrentQueue<IReadOnlyList<PredictionRecord>> Batches { get; } = new();

    public IEnumerable<PredictionRecord> Records => Batches.SelectMany(batch => batch);

    /// <summary>Signalled when a write starts and <see cref="Hold"/> is set.</summary>
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Hold { get; init; }

    public bool Disposed { get; private set; }

    public int Calls;

    public void FailNext(int writes) => _failuresLeft = writes;

    public void Release() => _release.TrySetResult();

    public async Task WriteAsync(IReadOnlyList<PredictionRecord> records, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Calls);
        if (Hold)
        {
            Entered.TrySetResult();
            await _release.Task.WaitAsync(cancellationToken);
        }

        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new IOException("disk full");
        }

        Batches.Enqueue([.. records]);
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}
