namespace Gangway.Stores;

/// <summary>
/// Tracked runs (parameters, metrics, tags, lineage, artifacts such as the trained bundle) and the held-out evaluations
/// recorded against them. Every write is one transaction that also appends its audit entry (read through
/// <see cref="IModelRegistry.ListAuditAsync"/>).
/// </summary>
public interface IRunStore
{
    /// <summary>The store's URI with any password hidden, for messages and logs.</summary>
    string DisplayUri { get; }

    /// <summary>Records a run with everything it has so far, and audits it.</summary>
    /// <exception cref="GangwayException">The parent run does not exist (<see cref="ErrorKind.NotFound"/>).</exception>
    Task<RunRecord> CreateRunAsync(NewRun run, Change change, CancellationToken cancellationToken);

    /// <summary>Adds metrics and tags to a run and sets its status and end time (typically when it finishes).</summary>
    /// <exception cref="GangwayException">The run does not exist (<see cref="ErrorKind.NotFound"/>).</exception>
    Task<RunRecord> UpdateRunAsync(string runId, RunUpdate update, Change change, CancellationToken cancellationToken);

    /// <summary>The run with this id, or with this unique id prefix of at least 6 characters; null when none.</summary>
    /// <exception cref="GangwayException">The prefix matches several runs (<see cref="ErrorKind.InvalidInput"/>).</exception>
    Task<RunRecord?> FindRunAsync(string runIdOrPrefix, CancellationToken cancellationToken);

    /// <summary>Runs, newest first.</summary>
    Task<IReadOnlyList<RunRecord>> ListRunsAsync(RunQuery query, CancellationToken cancellationToken);

    /// <summary>The content of a run's artifact, or null when the run has no artifact of that name.</summary>
    Task<byte[]?> ReadArtifactAsync(string runId, string name, CancellationToken cancellationToken);

    /// <summary>
    /// Records held-out metrics against the run whose bundle was evaluated and, when given, the registered version that
    /// is that run's bundle; audits it.
    /// </summary>
    /// <exception cref="GangwayException">
    /// The run or the version does not exist (<see cref="ErrorKind.NotFound"/>); the version is another run's, a model is
    /// given without a version (or the reverse), or a metric is not a finite number (<see cref="ErrorKind.InvalidInput"/>).
    /// </exception>
    Task<EvaluationRecord> RecordEvaluationAsync(NewEvaluation evaluation, Change change, CancellationToken cancellationToken);

    /// <summary>The evaluations recorded against a run (and so against any version registered from it), newest first.</summary>
    Task<IReadOnlyList<EvaluationRecord>> ListEvaluationsAsync(string runId, CancellationToken cancellationToken);
}
