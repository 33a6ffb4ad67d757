using Gangway.PredictionLog;
using Gangway.Tests.Conformance.Stores;

namespace Gangway.Tests.PredictionLog;

public sealed class PredictionLogWriterTests
{
    private static readonly PredictionLogWriterOptions Fast = new()
    {
        BatchWindow = TimeSpan.FromMilliseconds(5),
        FirstRetryDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromMilliseconds(4),
    };

    [Fact]
    public async Task Dispose_RecordsQueued_FlushesThemAllInOrderAndDisposesTheSink()
    {
        var sink = new RecordingSink();
        var writer = new PredictionLogWriter(sink, Fast with { MaxBatchSize = 7 });
        var records = Enumerable.Range(0, 100).Select(i => LoggedPredictions.Served(i)).ToList();

        Assert.All(records, record => Assert.True(writer.TryWrite(record)));
        await writer.DisposeAsync();

        Assert.Equal(records, sink.Records);
        Assert.All(sink.Batches, batch => Assert.InRange(batch.Count, 1, 7));
        Assert.Equal((100L, 0L, 0L), (writer.Written, writer.Dropped, writer.Failed));
        Assert.True(sink.Disposed);
    }

    [Fact]
    public async Task TryWrite_QueueHalfFullLongBeforeTheBatchWindow_WritesWithoutWaitingAndDropsNothing()
    {
        var sink = new RecordingSink { Hold = true };
        var writer = new PredictionLogWriter(sink, Fast with { Capacity = 100, MaxBatchSize = 5_000, BatchWindow = TimeSpan.FromMinutes(10) });

        var accepted = Enumerable.Range(0, 60).Count(i => writer.TryWrite(LoggedPredictions.Served(i)));
        await sink.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        accepted += Enumerable.Range(60, 90).Count(i => writer.TryWrite(LoggedPredictions.Served(i)));
        sink.Release();
        await writer.DisposeAsync();

        Assert.Equal(150, accepted);
        Assert.Equal((150L, 0L), (writer.Written, writer.Dropped));
    }

    [Fact]
    public async Task MaxBusyShareHalf_RestsAfterEachBatchAtLeastAsLongAsTheBatchTook()
    {
        // Lower bounds only: a slow machine makes the rests longer, never shorter.
        var sink = new TimedSink(TimeSpan.FromMilliseconds(100));
        var writer = new PredictionLogWriter(sink, Fast with { MaxBatchSize = 1, BatchWindow = TimeSpan.Zero, MaxBusyShare = 0.5 });

        Assert.All(Enumerable.Range(0, 3), i => Assert.True(writer.TryWrite(LoggedPredictions.Served(i))));
        await sink.Written(3).WaitAsync(TimeSpan.FromSeconds(60));
        await writer.DisposeAsync();

        var writes = sink.Writes.ToList();
        for (var i = 1; i < writes.Count; i++)
        {
            var rest = System.Diagnostics.Stopwatch.GetElapsedTime(writes[i - 1].End, writes[i].Start);
            Assert.True(rest >= TimeSpan.FromMilliseconds(80), $"rested {rest.TotalMilliseconds} ms after a 100 ms batch");
        }
    }

    [Fact]
    public void MaxBusyShare_ZeroOrAboveOne_IsRefusedNamingTheSetting()
    {
        var zero = Assert.Throws<GangwayException>(() => new PredictionLogWriterOptions { MaxBusyShare = 0 }.Validate());
        var above = Assert.Throws<GangwayException>(() => new PredictionLogWriterOptions { MaxBusyShare = 1.5 }.Validate());

        Assert.Equal("Prediction log setting 'MaxBusyShare' must be above 0 and at most 1; it is 0.", zero.Message);
        Assert.Equal(ErrorKind.InvalidConfiguration, above.Kind);
    }

    [Fact]
    public async Task TryWrite_QueueFull_ReturnsFalseAtOnceAndCountsTheDrop()
    {
        var sink = new RecordingSink { Hold = true };
        var writer = new PredictionLogWriter(sink, Fast with { Capacity = 10, MaxBatchSize = 1 });
        Assert.True(writer.TryWrite(LoggedPredictions.Served(0)));
        await sink.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var accepted = Enumerable.Range(1, 12).Select(i => writer.TryWrite(LoggedPredictions.Served(i))).ToList();

        Assert.Equal([.. Enumerable.Repeat(true, 10), false, false], accepted);
        Assert.Equal((2L, 10), (writer.Dropped, writer.QueueLength));
        sink.Release();
        await writer.DisposeAsync();
        Assert.Equal(11, sink.Records.Count());
        Assert.Equal((11L, 2L), (writer.Written, writer.Dropped));
    }

    [Fact]
    public async Task TryWrite_SinkStuck_AtMostCapacityPlusOneBatchHeldInMemory()
    {
        var sink = new RecordingSink { Hold = true };
        var writer = new PredictionLogWriter(sink, Fast with { Capacity = 50, MaxBatchSize = 20, BatchWindow = TimeSpan.Zero, FlushTimeout = TimeSpan.FromMilliseconds(50) });
        Assert.True(writer.TryWrite(LoggedPredictions.Served(0)));
        await sink.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var accepted = 1 + Enumerable.Range(1, 1_000).Count(i => writer.TryWrite(LoggedPredictions.Served(i)));

        // What a kill -9 would lose now: the batch in flight (here the first record) and the full queue.
        Assert.Equal(1 + 50, accepted);
        Assert.Equal((50, 950L), (writer.QueueLength, writer.Dropped));
        await writer.DisposeAsync();
        Assert.Equal((0L, 1_001L), (writer.Written, writer.Dropped));
    }

    [Fact]
    public async Task Sink_FailsTwice_BatchRetriedWithBackoffAndWritten()
    {
        var sink = new RecordingSink();
        sink.FailNext(2);
        var writer = new PredictionLogWriter(sink, Fast);

        writer.TryWrite(LoggedPredictions.Served(1));
        await writer.DisposeAsync();

        Assert.Single(sink.Records);
        Assert.Equal((1L, 0L, 2L, 2L), (writer.Written, writer.Dropped, writer.Failed, writer.Retries));
        Assert.Equal("disk full", writer.LastError);
    }

    [Fact]
    public async Task Sink_FailsPastTheRetryBudget_BatchDroppedAndCountedAndLaterBatchesWritten()
    {
        var sink = new RecordingSink();
        sink.FailNext(3);
        var writer = new PredictionLogWriter(sink, Fast with { MaxRetries = 2 });
        writer.TryWrite(LoggedPredictions.Served(1));
        writer.TryWrite(LoggedPredictions.Served(2));
        while (writer.Failed < 3 || writer.QueueLength > 0 || writer.Dropped == 0)
        {
            await Task.Delay(5);
        }

        writer.TryWrite(LoggedPredictions.Served(3));
        await writer.DisposeAsync();

        Assert.Equal([LoggedPredictions.Served(3).Time], sink.Records.Select(r => r.Time));
        Assert.Equal((1L, 2L, 3L, 2L), (writer.Written, writer.Dropped, writer.Failed, writer.Retries));
    }

    [Fact]
    public async Task Dispose_SinkNeverFinishes_GivesUpAfterTheFlushTimeoutAndCountsWhatIsLeft()
    {
        var sink = new RecordingSink { Hold = true };
        var writer = new PredictionLogWriter(sink, Fast with { MaxBatchSize = 2, FlushTimeout = TimeSpan.FromMilliseconds(200) });
        for (var i = 0; i < 5; i++)
        {
            writer.TryWrite(LoggedPredictions.Served(i));
        }

        await sink.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var disposing = writer.DisposeAsync().AsTask();

        await disposing.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((0L, 5L), (writer.Written, writer.Dropped));
        Assert.False(writer.TryWrite(LoggedPredictions.Served(9)));
        Assert.Equal(6L, writer.Dropped);
    }

    [Fact]
    public void New_BadOption_FailsWithTheSettingNamed()
    {
        var error = Assert.Throws<GangwayException>(() => new PredictionLogWriter(new RecordingSink(), new PredictionLogWriterOptions { Capacity = 0 }));

        Assert.Equal(ErrorKind.InvalidConfiguration, error.Kind);
        Assert.Contains("'Capacity' must be at least 1; it is 0", error.Message, StringComparison.Ordinal);
    }

    private sealed class TimedSink(TimeSpan each) : IPredictionLogSink
    {
        private readonly TaskCompletionSource[] _written = [.. Enumerable.Range(0, 16).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))];

        public System.Collections.Concurrent.ConcurrentQueue<(long Start, long End)> Writes { get; } = new();

        public Task Written(int batches) => _written[batches - 1].Task;

        public async Task WriteAsync(IReadOnlyList<PredictionRecord> records, CancellationToken cancellationToken)
        {
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            await Task.Delay(each, cancellationToken);
            Writes.Enqueue((start, System.Diagnostics.Stopwatch.GetTimestamp()));
            _written[Writes.Count - 1].TrySetResult();
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
