using System.Threading.Channels;
using Gangway.PredictionLog;
using Gangway.Server.Hosting;
using Gangway.Stores;
using Microsoft.Extensions.Options;

namespace Gangway.Server.PredictionLogging;

/// <summary>
/// The service's prediction log: a <see cref="PredictionLogWriter"/> into the sink <see cref="ServerOptions.PredictionLog"/>
/// names, opened at start (a store that cannot be opened stops the start with the reason) and drained at a graceful
/// stop. Requests only hand over their answers (<see cref="TryQueue"/>); one background loop builds the records and
/// queues them for the writer. Answers and records waiting together never exceed <see cref="ServerOptions.LogQueueSize"/>
/// records: past that, an answer's records are dropped and counted. So a process killed outright loses at most that
/// many records plus the writer's batch in flight. Thread-safe; never throws into a request.
/// </summary>
internal sealed partial class PredictionLogService(
    IOptions<ServerOptions> options, TimeProvider time, ILogger<PredictionLogService> logger, StoreCatalog? stores = null) : IHostedService, IAsyncDisposable
{
    private readonly Channel<ScoredAnswer> _answers = Channel.CreateUnbounded<ScoredAnswer>(new UnboundedChannelOptions { SingleReader = true });
    private readonly AnswerRecords _records = new();
    private PredictionLogWriter? _writer;
    private Task _loop = Task.CompletedTask;
    private long _waiting;
    private long _dropped;

    /// <summary>Where the log goes.</summary>
    public PredictionLogTarget Target { get; } = PredictionLogTarget.Of(options.Value.PredictionLog, stores is not null);

    /// <summary>Whether answers are logged at all: with <c>none</c> nothing is handed over (nor scored by shadows, whose records would go nowhere).</summary>
    public bool IsEnabled => Target.Kind != PredictionLogTarget.None;

    /// <summary>Records written by the sink.</summary>
    public long Written => _writer?.Written ?? 0;

    /// <summary>Records dropped: here (too many waiting, or they could not be built) or by the writer.</summary>
    public long Dropped => Interlocked.Read(ref _dropped) + (_writer?.Dropped ?? 0);

    /// <summary>Failed sink writes.</summary>
    public long Failed => _writer?.Failed ?? 0;

    /// <summary>Retries of failed sink writes.</summary>
    public long Retries => _writer?.Retries ?? 0;

    /// <summary>Records waiting: answers not yet built and records queued for the sink.</summary>
    public long QueueLength => Interlocked.Read(ref _waiting) + (_writer?.QueueLength ?? 0);

    /// <summary>Hands over an answer; false (its records counted as dropped) when too many records are waiting or the log is not running.</summary>
    public bool TryQueue(ScoredAnswer answer)
    {
        var count = answer.Count;
        if (_writer is not { } writer)
        {
            Interlocked.Add(ref _dropped, count);
            return false;
        }

        // Counted before the check so that concurrent requests cannot pass it together.
        if (Interlocked.Add(ref _waiting, count) + writer.QueueLength > options.Value.LogQueueSize || !_answers.Writer.TryWrite(answer))
        {
            Interlocked.Add(ref _waiting, -count);
            Interlocked.Add(ref _dropped, count);
            return false;
        }

        return true;
    }

    /// <summary>Counts records dropped before they reached the log.</summary>
    /// <summary>
    /// Whether <paramref name="count"/> more records would fit in the queue now. A shadow asks before it scores: when the
    /// sink is behind, the records it would make are dropped anyway, and scoring them only takes a core from serving.
    /// </summary>
    public bool HasRoomFor(int count) =>
        _writer is { } writer && Interlocked.Read(ref _waiting) + writer.QueueLength + count <= options.Value.LogQueueSize;

    public void CountDropped(int count) => Interlocked.Add(ref _dropped, count);

    /// <summary>Queues records built elsewhere (a shadow's) for the sink; those that do not fit are dropped and counted by the writer.</summary>
    public void Write(IReadOnlyList<PredictionRecord> records)
    {
        if (_writer is not { } writer)
        {
            Interlocked.Add(ref _dropped, records.Count);
            return;
        }

        foreach (var record in records)
        {
            writer.TryWrite(record);
        }
    }

    /// <exception cref="GangwayException">The store cannot be opened.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var sink = Target.Kind switch
        {
            PredictionLogTarget.Store => await PredictionLogSinks.OpenStoreAsync(stores!, settings.Store, cancellationToken).ConfigureAwait(false),
            PredictionLogTarget.JsonLines => PredictionLogSinks.JsonLines(Target.Folder!, time: time),
            _ => PredictionLogSinks.None(),
        };
        _writer = new PredictionLogWriter(sink, new PredictionLogWriterOptions { Capacity = settings.LogQueueSize, MaxBusyShare = settings.LogWriterShare }, time);
        _loop = Task.Run(BuildRecordsAsync, CancellationToken.None);
        var target = Target.Describe(StoreUris.HidePassword(StoreCatalog.ChooseUri(settings.Store)));
        LogTarget(logger, target);
    }

    /// <summary>Builds what is waiting, then writes what the writer holds (within its flush timeout) and closes the sink.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _answers.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        if (Interlocked.Exchange(ref _writer, null) is { } writer)
        {
            await writer.DisposeAsync().ConfigureAwait(false);
            var dropped = Interlocked.Read(ref _dropped) + writer.Dropped;
            LogStopped(logger, writer.Written, dropped);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    private Task BuildRecordsAsync() => BurstReader.ReadAllAsync(_answers.Reader, Build);

    private void Build(ScoredAnswer answer)
    {
        try
        {
            var scored = answer.Scored() ?? answer.Served.Bundle.Model.Transform(answer.Input());
            Write(_records.Served(answer, scored));
        }
#pragma warning disable CA1031 // A record that cannot be built is dropped and counted; it must not stop the loop.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Interlocked.Add(ref _dropped, answer.Count);
            LogBuildFailed(logger, answer.Count, ex);
        }
        finally
        {
            Interlocked.Add(ref _waiting, -answer.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Prediction log: {Target}.")]
    private static partial void LogTarget(ILogger logger, string target);

    [LoggerMessage(Level = LogLevel.Information, Message = "Prediction log closed: {Written} record(s) written, {Dropped} dropped.")]
    private static partial void LogStopped(ILogger logger, long written, long dropped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The prediction log could not build the records of an answer; {Count} record(s) dropped.")]
    private static partial void LogBuildFailed(ILogger logger, int count, Exception exception);
}
