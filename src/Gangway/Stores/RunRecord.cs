namespace Gangway.Stores;

/// <summary>A recorded run.</summary>
/// <param name="Id">The run id: 32 lowercase hex digits.</param>
/// <param name="Experiment">The group the run belongs to.</param>
/// <param name="Name">A short label; may be empty.</param>
/// <param name="ParentRunId">The parent run, or null.</param>
/// <param name="Status">The run's status.</param>
/// <param name="StartedAt">When the run started.</param>
/// <param name="EndedAt">When it ended, or null.</param>
/// <param name="CreatedBy">Who recorded it.</param>
/// <param name="Params">Parameters.</param>
/// <param name="Metrics">Metrics.</param>
/// <param name="Tags">Tags.</param>
/// <param name="Lineage">Lineage JSON, or null.</param>
/// <param name="Artifacts">The run's artifacts (without content).</param>
public sealed record RunRecord(
    string Id,
    string Experiment,
    string Name,
    string? ParentRunId,
    RunStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string CreatedBy,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, string> Tags,
    string? Lineage,
    IReadOnlyList<ArtifactInfo> Artifacts)
{
    /// <summary>How long the run took, or null while it runs.</summary>
    public TimeSpan? Duration => EndedAt - StartedAt;
}

/// <summary>An artifact of a run, without its content.</summary>
/// <param name="Name">Its name within the run.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Sha256">The SHA-256 of its content, lowercase hex.</param>
public sealed record ArtifactInfo(string Name, long Size, string Sha256);
