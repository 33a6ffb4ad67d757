using System.Threading.Channels;
using Gangway.Server.Hosting;
using Gangway.Server.Metrics;
using Gangway.Server.PredictionLogging;
using Microsoft.Extensions.Options;

namespace Gangway.Server.Monitoring;

/// <summary>
/// The in-server monitoring: every answer of a served variant (shadows are not served and are left out) is queued here
/// by <see cref="AnswerLog"/> and shown to each <see cref="IAnswerMonitor"/> by one background loop, off the request
/// path. The queue holds <see cref="ServerOptions.MonitoringQueueSize"/> answers: a full queue skips the answer and
/// counts its records in <c>gangway_monitoring_skipped_total</c>; a monitor that throws has the records counted in
/// <c>gangway_monitoring_failures_total</c> and logged. Neither ever touches an answer. Off (nothing queued, no loop)
/// when <see cref="ServerOptions.Monitoring"/> is false, whatever the prediction log does. Thread-safe.
/// </summary>
internal sealed partial class MonitoringLane(
    IEnumerable<IAnswerMonitor> monitors, MonitoringMetrics metrics, IOptions<ServerOptions> options, ILogger<MonitoringLane> logger) : IHostedService
{
    private readonly IAnswerMonitor[] _monitors = [.. monitors];
    private readonly Channel<ScoredAnswer> _queue = Channel.CreateBounded<ScoredAnswer>(
        new BoundedChannelOptions(Math.Max(1, options.Value.MonitoringQueueSize)) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private Task _loop = Task.CompletedTask;

    /// <summary>Whether answers are monitored (<see cref="ServerOptions.Monitoring"/>).</summary>
    public bool IsEnabled { get; } = options.Value.Monitoring;

    /// <summary>Queues an answer for the monitors; a full (or closed) queue skips it and counts its records.</summary>
    public void TryQueue(ScoredAnswer answer)
    {
        if (!_queue.Writer.TryWrite(answer))
        {
            metrics.CountSkipped(answer.Count);
        }
    }

    /// <summary>Counts records that could not even be handed over (the answer could not be copied).</summary>
    public void CountSkipped(int records) => metrics.CountSkipped(records);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (IsEnabled)
        {
            _loop = Task.Run(() => BurstReader.ReadAllAsync(_queue.Reader, Observe), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    /// <summary>Counts what the queue holds (the host's shutdown timeout bounds the wait).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        try
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Out of shutdown time: what is still queued is not counted; counters live in memory only.
        }
    }

    private void Observe(ScoredAnswer answer)
    {
        foreach (var monitor in _monitors)
        {
            try
            {
                monitor.Observe(answer);
            }
#pragma warning disable CA1031 // A monitor that fails is counted; it never affects an answer or the other monitors.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                metrics.CountFailed(answer.Count);
                LogFailure(logger, monitor.GetType().Name, answer.Count, Reason(ex));
            }
        }
    }

    // Not the message: an error may quote a value, and values of personal-data columns must not reach the logs.
    private static string Reason(Exception exception) =>
        exception is GangwayException { Column: { } column } gangway ? $"{gangway.Kind} about column '{column}'" : exception.GetType().Name;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Monitor {Monitor} failed on {Count} answered record(s): {Reason}")]
    private static partial void LogFailure(ILogger logger, string monitor, int count, string reason);
}
