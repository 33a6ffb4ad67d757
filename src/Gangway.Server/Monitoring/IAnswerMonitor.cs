using Gangway.Server.PredictionLogging;

namespace Gangway.Server.Monitoring;

/// <summary>
/// Something the monitoring lane (<see cref="MonitoringLane"/>) shows every answer to, off the request path: the quality
/// counters now, the drift windows later. Register one as a singleton <see cref="IAnswerMonitor"/> to plug it in.
/// </summary>
internal interface IAnswerMonitor
{
    /// <summary>
    /// Takes an answer of the served variant in, called by the lane's one loop (never concurrently with itself). May
    /// throw: the lane counts the failure in <c>gangway_monitoring_failures_total</c> and goes on.
    /// </summary>
    void Observe(ScoredAnswer answer);
}
