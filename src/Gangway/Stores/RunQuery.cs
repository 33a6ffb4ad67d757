namespace Gangway.Stores;

/// <summary>Which runs to list.</summary>
/// <param name="Experiment">Only runs of this experiment, or all.</param>
/// <param name="ParentRunId">Only children of this run, or all runs.</param>
/// <param name="Limit">At most this many (newest first).</param>
public sealed record RunQuery(string? Experiment = null, string? ParentRunId = null, int Limit = 100);
