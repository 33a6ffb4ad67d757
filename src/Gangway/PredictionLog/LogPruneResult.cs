namespace Gangway.PredictionLog;

/// <summary>What one <see cref="LogRetention.PruneAsync"/> deleted.</summary>
/// <param name="Predictions">Logged predictions deleted.</param>
/// <param name="Feedback">Feedback rows deleted.</param>
/// <param name="MonitoringBuckets">Monitoring window buckets deleted (<see cref="Stores.IMonitoringWindowStore"/>).</param>
public sealed record LogPruneResult(long Predictions, long Feedback, long MonitoringBuckets);
