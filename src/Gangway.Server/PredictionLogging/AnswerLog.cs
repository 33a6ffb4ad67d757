using System.Diagnostics;
using Gangway.Data;
using Gangway.PredictionLog;
using Gangway.Server.Monitoring;
using Gangway.Server.Predict;
using Gangway.Server.Serving;

namespace Gangway.Server.PredictionLogging;

/// <summary>
/// The one call an endpoint makes once it has its answer: hands the answer to the prediction log and the shadows (when
/// the log is on) and to the monitoring lane (when monitoring is on; either may be on without the other). Costs the
/// request a few references (and, on the one-record fast path, a copy of the row); never throws into it: a failure is
/// logged and its records counted as dropped by the log.
/// </summary>
internal sealed partial class AnswerLog(PredictionLogService log, ShadowScoring shadows, MonitoringLane monitoring, ILogger<AnswerLog> logger)
{
    /// <summary>
    /// Logs what <c>/predict</c> answered, each part of a batch split across variants with its own model; call before
    /// the answer is written (its pooled row is returned then).
    /// </summary>
    public void Predicted(HttpContext context, PredictionsResult result, DateTimeOffset time, long started)
    {
        if (result.Parts is { } parts)
        {
            foreach (var part in parts)
            {
                Predicted(context, part, time, started);
            }

            return;
        }

        if (result.Count == 0 || !(log.IsEnabled || monitoring.IsEnabled))
        {
            return;
        }

        try
        {
            var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var variant = result.Served.Variant;
            Hand(result.Row is { } row
                ? ScoredAnswer.OfRow(row, result.RowPrediction, PredictionSources.Predict, result.Served, variant, context.TraceIdentifier, time, latency, result.PredictionIds[0])
                : ScoredAnswer.OfTable(result.Input!, result.Scored, PredictionSources.Predict, result.Served, variant, context.TraceIdentifier, time, latency, result.PredictionIds.ToArray()));
        }
#pragma warning disable CA1031 // The log never breaks a prediction.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Failed(result.Count, ex);
        }
    }

    /// <summary>Logs what <c>/upsell</c> answered for <paramref name="input"/> with <paramref name="ids"/>; the records are scored again off the request path.</summary>
    public void Upsold(HttpContext context, Served served, Table input, Guid[] ids, DateTimeOffset time, long started)
    {
        if (ids.Length == 0 || !(log.IsEnabled || monitoring.IsEnabled))
        {
            return;
        }

        try
        {
            var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Hand(ScoredAnswer.OfTable(input, null, PredictionSources.Upsell, served, served.Variant, context.TraceIdentifier, time, latency, ids));
        }
#pragma warning disable CA1031 // The log never breaks an answer.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Failed(ids.Length, ex);
        }
    }

    private void Hand(ScoredAnswer answer)
    {
        if (log.IsEnabled)
        {
            log.TryQueue(answer);
            shadows.TryQueue(answer);
        }

        if (monitoring.IsEnabled)
        {
            monitoring.TryQueue(answer);
        }
    }

    private void Failed(int count, Exception exception)
    {
        if (monitoring.IsEnabled)
        {
            monitoring.CountSkipped(count);
        }

        if (log.IsEnabled)
        {
            log.CountDropped(count);
        }

        LogFailure(logger, count, exception.GetType().Name);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An answer could not be handed to the prediction log ({Error}); {Count} record(s) dropped.")]
    private static partial void LogFailure(ILogger logger, int count, string error);
}
