namespace Gangway.Stores;

/// <summary>A run to record.</summary>
/// <param name="Experiment">The group the run belongs to (by default the spec's model name).</param>
/// <param name="Name">A short label, e.g. <c>fold 3</c> or <c>candidate 7</c>; may be empty.</param>
/// <param name="ParentRunId">The run this one belongs to (cross-validation, tuning), or null.</param>
/// <param name="Status">The run's status.</param>
/// <param name="StartedAt">When the run started.</param>
/// <param name="EndedAt">When it ended, or null while running.</param>
/// <param name="Params">Parameters, as text (spec file, seed, learner options, data hash, ...).</param>
/// <param name="Metrics">Numeric results.</param>
/// <param name="Tags">Free text labels (versions, git commit, command, <c>best</c>, ...).</param>
/// <param name="Lineage">The bundle's lineage as JSON, or null.</param>
/// <param name="Artifacts">Files kept with the run.</param>
public sealed record NewRun(
    string Experiment,
    string Name,
    string? ParentRunId,
    RunStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, string> Tags,
    string? Lineage,
    IReadOnlyList<RunArtifact> Artifacts);
