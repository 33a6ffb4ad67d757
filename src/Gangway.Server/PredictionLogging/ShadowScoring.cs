using System.Diagnostics;
using System.Threading.Channels;
using Gangway.Server.Hosting;
using Gangway.Server.Metrics;
using Gangway.Server.Serving;
using Microsoft.Extensions.Options;

namespace Gangway.Server.PredictionLogging;

/// <summary>
/// Scores every answered input with each shadow model (<see cref="ModelVariants.Shadows"/>) off the request path and
/// logs what it said as shadow records of the same answer. A one-record answer of the fast path is scored with the
/// shadow's one-record scorer when it takes the row (<see cref="ShadowRows"/>), any other answer as a table. Each shadow
/// has a queue of its own of <see cref="ServerOptions.ShadowQueueSize"/> answers and one loop, so a slow shadow only
/// skips its own work: a full queue skips the answer and counts it in <c>gangway_shadow_skipped_total</c>, and so does a
/// prediction log with no room for the answer's records (scoring them would cost a core for records the log drops); a shadow that
/// fails to score counts the records in <c>gangway_shadow_failures_total</c>. Neither ever touches an answer. Thread-safe.
/// </summary>
internal sealed partial class ShadowScoring(
    ModelVariants variants, PredictionLogService log, ShadowMetrics metrics, IOptions<ServerOptions> options, TimeProvider time, ILogger<ShadowScoring> logger) : IHostedService
{
    private readonly AnswerRecords _records = new();
    private readonly ShadowRows _rows = new();
    private Lane[] _lanes = [];

    /// <summary>Queues the answer for every shadow; a shadow whose queue is full skips it.</summary>
    public void TryQueue(ScoredAnswer answer)
    {
        foreach (var lane in _lanes)
        {
            if (!lane.Queue.Writer.TryWrite(answer))
            {
                metrics.Skipped(lane.Shadow.Name, answer.Count);
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _lanes = [.. variants.Shadows.Select(shadow => new Lane(
            shadow,
            Channel.CreateBounded<ScoredAnswer>(new BoundedChannelOptions(options.Value.ShadowQueueSize) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait })))];
        foreach (var lane in _lanes)
        {
            metrics.Start(lane.Shadow.Name);
            lane.Loop = Task.Run(() => ScoreAsync(lane), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    /// <summary>Scores what the queues hold (the host's shutdown timeout bounds the wait), before the log is closed.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var lane in _lanes)
        {
            lane.Queue.Writer.TryComplete();
        }

        try
        {
            await Task.WhenAll(_lanes.Select(l => l.Loop)).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Out of shutdown time: what the shadows still hold is not logged (the log counts it as dropped).
        }
    }

    private Task ScoreAsync(Lane lane) => BurstReader.ReadAllAsync(lane.Queue.Reader, answer => Score(lane, answer));

    private void Score(Lane lane, ScoredAnswer answer)
    {
        if (!log.HasRoomFor(answer.Count))
        {
            metrics.Skipped(lane.Shadow.Name, answer.Count);
            return;
        }

        try
        {
            var model = lane.Shadow.Current;
            var input = answer.Input();
            var started = Stopwatch.GetTimestamp();
            var scored = _rows.TryScore(answer, model, out var prediction) ? ScoredAnswer.ScoredRow(prediction) : model.Bundle.Model.Transform(input);
            var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            log.Write(_records.Shadow(answer, lane.Shadow.Name, model, input, scored, time.GetUtcNow(), latency));
        }
#pragma warning disable CA1031 // A shadow that fails is counted; it never affects an answer or the other shadows.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            metrics.Failed(lane.Shadow.Name, answer.Count);
            LogFailure(logger, lane.Shadow.Name, answer.Count, Reason(ex));
        }
    }

    // Not the message: a model's error may quote a value, and values of personal-data columns must not reach the logs.
    private static string Reason(Exception exception) =>
        exception is GangwayException { Column: { } column } gangway ? $"{gangway.Kind} about column '{column}'" : exception.GetType().Name;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shadow '{Shadow}' could not score {Count} record(s): {Reason}")]
    private static partial void LogFailure(ILogger logger, string shadow, int count, string reason);

    private sealed class Lane(LoadedModel shadow, Channel<ScoredAnswer> queue)
    {
        public LoadedModel Shadow { get; } = shadow;

        public Channel<ScoredAnswer> Queue { get; } = queue;

        public Task Loop { get; set; } = Task.CompletedTask;
    }
}
