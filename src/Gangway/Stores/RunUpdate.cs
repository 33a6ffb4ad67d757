namespace Gangway.Stores;

/// <summary>What to change on a recorded run: metrics and tags are added (replacing equal names), status and end time set.</summary>
/// <param name="Status">The new status.</param>
/// <param name="EndedAt">The end time, or null to leave it.</param>
/// <param name="Metrics">Metrics to add or replace.</param>
/// <param name="Tags">Tags to add or replace.</param>
public sealed record RunUpdate(
    RunStatus Status,
    DateTimeOffset? EndedAt,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, string> Tags);
