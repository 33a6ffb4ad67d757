using System.Threading.Channels;

namespace Gangway.PredictionLog;

/// <summary>
/// Takes scored records off the request path: <see cref="TryWrite"/> puts a record in a bounded in-memory queue and
/// returns at once, never blocking or throwing; one background loop drains the queue in batches (up to
/// <see cref="PredictionLogWriterOptions.MaxBatchSize"/> records, or what arrived within
/// <see cref="PredictionLogWriterOptions.BatchWindow"/>, whichever comes first; a queue half full does not wait) into an <see cref="IPredictionLogSink"/>. A full queue drops the
/// new record; a failing sink is retried with exponential backoff and, past the retry budget, its batch is dropped, so
/// memory stays bounded and a prediction never waits for or fails with its log. Every outcome is counted in the
/// properties (for metrics). <see cref="DisposeAsync"/> writes what is queued, within a timeout, then disposes the sink.
/// A process killed outright loses what was queued and the batch in flight: at most
/// <see cref="PredictionLogWriterOptions.Capacity"/> plus <see cref="PredictionLogWriterOptions.MaxBatchSize"/> records.
/// Thread safety: <see cref="TryWrite"/> and the counters may be used from any number of threads.
/// </summary>
public sealed class PredictionLogWriter : IAsyncDisposable
{
    private static readonly TimeSpan WaitStep = TimeSpan.FromMilliseconds(10);
    private readonly Channel<PredictionRecord> _queue;
    private readonly IPredictionLogSink _sink;
    private readonly PredictionLogWriterOptions _options;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _flushing = new();
    private readonly CancellationTokenSource _abandon = new();
    private readonly Task _loop;
    private long _written;
    private long _dropped;
    private long _failed;
    private long _retries;
    private string? _lastError;
    private int _disposed;

    /// <summary>Starts a writer that owns <paramref name="sink"/> (disposing it when the writer is disposed).</summary>
    /// <param name="sink">Where batches go.</param>
    /// <param name="options">Queue, batch and retry settings; the defaults when null.</param>
    /// <param name="time">The clock for batch windows and backoff; the system clock when null.</param>
    /// <exception cref="GangwayException">An option is out of range (<see cref="ErrorKind.InvalidConfiguration"/>).</exception>
    public PredictionLogWriter(IPredictionLogSink sink, PredictionLogWriterOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _options = options ?? new PredictionLogWriterOptions();
        _options.Validate();
        _sink = sink;
        _time = time ?? TimeProvider.System;
        _queue = Channel.CreateBounded<PredictionRecord>(new BoundedChannelOptions(_options.Capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _loop = Task.Run(DrainAsync);
    }

    /// <summary>Records written by the sink.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Records dropped: the queue was full (or the writer disposed), their batch ran out of retries, or flushing timed out.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Sink writes that failed (each failed attempt of a batch counts once).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Retries of failed batches.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Records waiting in the queue now.</summary>
    public int QueueLength => _queue.Reader.Count;

    /// <summary>The message of the sink's latest failure, or null when it never failed.</summary>
    public string? LastError => Volatile.Read(ref _lastError);

    /// <summary>Queues a record for the log; false (and counted in <see cref="Dropped"/>) when the queue is full or the writer disposed.</summary>
    public bool TryWrite(PredictionRecord record)
    {
        if (record is not null && _queue.Writer.TryWrite(record))
        {
            return true;
        }

        Interlocked.Increment(ref _dropped);
        return false;
    }

    /// <summary>
    /// Stops taking records, writes what is queued (waiting at most <see cref="PredictionLogWriterOptions.FlushTimeout"/>;
    /// what is still queued then is dropped and counted) and disposes the sink.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _flushing.CancelAsync();
        try
        {
            await _loop.WaitAsync(_options.FlushTimeout, _time);
        }
        catch (TimeoutException)
        {
            await _abandon.CancelAsync();
            await _loop;
        }

        await _sink.DisposeAsync();
        _flushing.Dispose();
        _abandon.Dispose();
    }

    private async Task DrainAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<PredictionRecord>(Math.Min(_options.MaxBatchSize, 10_000));
        try
        {
            while (await reader.WaitToReadAsync(_abandon.Token))
            {
                await WaitForBatchAsync();
                while (batch.Count < _options.MaxBatchSize && reader.TryRead(out var record))
                {
                    batch.Add(record);
                }

                var started = _time.GetTimestamp();
                await WriteWithRetriesAsync(batch);
                batch.Clear();
                await RestAsync(_time.GetElapsedTime(started));
            }
        }
        catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
        {
            var left = batch.Count;
            while (reader.TryRead(out _))
            {
                left++;
            }

            Interlocked.Add(ref _dropped, left);
        }
    }

    // Keeps the writer's busy share of a core at most MaxBusyShare; never while flushing on dispose.
    private async Task RestAsync(TimeSpan busy)
    {
        var share = _options.MaxBusyShare;
        if (share >= 1 || _flushing.IsCancellationRequested)
        {
            return;
        }

        try
        {
            await Task.Delay(busy * ((1 - share) / share), _time, _flushing.Token);
        }
        catch (OperationCanceledException) when (_flushing.IsCancellationRequested)
        {
        }
    }

    // Gives a batch time to fill, in short steps so that it stops waiting once a batch is there: a queue smaller than a
    // batch (or one filling faster than a batch a window) must not overflow while the writer waits.
    private async Task WaitForBatchAsync()
    {
        var enough = Math.Min(_options.MaxBatchSize, Math.Max(1, _options.Capacity / 2));
        var step = TimeSpan.FromTicks(Math.Min(_options.BatchWindow.Ticks, WaitStep.Ticks));
        var waited = TimeSpan.Zero;
        try
        {
            while (waited < _options.BatchWindow && _queue.Reader.Count < enough && !_flushing.IsCancellationRequested)
            {
                await Task.Delay(step, _time, _flushing.Token);
                waited += step;
            }
        }
        catch (OperationCanceledException) when (_flushing.IsCancellationRequested)
        {
        }
    }

    private async Task WriteWithRetriesAsync(List<PredictionRecord> batch)
    {
        var delay = _options.FirstRetryDelay;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await _sink.WriteAsync(batch, _abandon.Token);
                Interlocked.Add(ref _written, batch.Count);
                return;
            }
            catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // A failing sink must never stop the loop (or a prediction): it is counted and retried.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Interlocked.Increment(ref _failed);
                Volatile.Write(ref _lastError, exception.Message);
                if (attempt >= _options.MaxRetries)
                {
                    Interlocked.Add(ref _dropped, batch.Count);
                    return;
                }
            }

            Interlocked.Increment(ref _retries);
            await Task.Delay(delay, _time, _abandon.Token);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
        }
    }
}
