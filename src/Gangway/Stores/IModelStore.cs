namespace Gangway.Stores;

/// <summary>
/// Where Gangway keeps what happens to models: tracked runs (parameters, metrics, tags, lineage, artifacts such as the
/// trained bundle), registered models with numbered versions, aliases that point at versions (with their history, for
/// rollback), and an audit log of every change. Chosen by a URI through a <see cref="StoreCatalog"/>, like MLflow's
/// tracking and registry stores. Every write is one transaction: a crash leaves it done or not done, never half done.
/// Implementations must be safe for concurrent writers, in one process or several; one instance is used from one thread
/// at a time.
/// </summary>
public interface IModelStore : IDisposable
{
    /// <summary>The store's URI with any password hidden, for messages and logs.</summary>
    string DisplayUri { get; }

    /// <summary>Records a run with everything it has so far, and audits it.</summary>
    /// <exception cref="GangwayException">The parent run does not exist (<see cref="ErrorKind.NotFound"/>).</exception>
    RunRecord CreateRun(NewRun run, Change change);

    /// <summary>Adds metrics and tags to a run and sets its status and end time (typically when it finishes).</summary>
    /// <exception cref="GangwayException">The run does not exist (<see cref="ErrorKind.NotFound"/>).</exception>
    RunRecord UpdateRun(string runId, RunUpdate update, Change change);

    /// <summary>The run with this id, or with this unique id prefix of at least 6 characters; null when none.</summary>
    /// <exception cref="GangwayException">The prefix matches several runs (<see cref="ErrorKind.InvalidInput"/>).</exception>
    RunRecord? FindRun(string runIdOrPrefix);

    /// <summary>Runs, newest first.</summary>
    IReadOnlyList<RunRecord> ListRuns(RunQuery query);

    /// <summary>The content of a run's artifact, or null when the run has no artifact of that name.</summary>
    byte[]? ReadArtifact(string runId, string name);

    /// <summary>
    /// Registers a run's artifact as the next version of a model (1 for a new model), and audits it. Versions are never
    /// reused, also under concurrent registrations.
    /// </summary>
    /// <exception cref="GangwayException">The run or its artifact does not exist (<see cref="ErrorKind.NotFound"/>).</exception>
    ModelVersionRecord RegisterVersion(string model, string runId, string artifact, Change change);

    /// <summary>Registered models, by name.</summary>
    IReadOnlyList<RegisteredModel> ListModels();

    /// <summary>A registered model, or null.</summary>
    RegisteredModel? FindModel(string model);

    /// <summary>A model's versions, newest first; empty when the model does not exist.</summary>
    IReadOnlyList<ModelVersionRecord> ListVersions(string model);

    /// <summary>One version of a model, or null.</summary>
    ModelVersionRecord? FindVersion(string model, int version);

    /// <summary>The bytes of a version's bundle.</summary>
    /// <exception cref="GangwayException">The version does not exist (<see cref="ErrorKind.NotFound"/>).</exception>
    byte[] ReadVersionArtifact(string model, int version);

    /// <summary>Points an alias (any name, e.g. <c>champion</c>) at a version, records the change in the alias history and audits it.</summary>
    /// <exception cref="GangwayException">The version does not exist (<see cref="ErrorKind.NotFound"/>).</exception>
    AliasChange SetAlias(string model, string aliasName, int version, Change change);

    /// <summary>
    /// Points an alias back at the version it had before its current one: the alias history is a stack where setting
    /// pushes and rolling back pops (set 1, 2, 3 then rollback gives 2, rollback again gives 1).
    /// </summary>
    /// <exception cref="GangwayException">The alias does not exist (<see cref="ErrorKind.NotFound"/>) or has no earlier version (<see cref="ErrorKind.InvalidInput"/>).</exception>
    AliasChange RollbackAlias(string model, string aliasName, Change change);

    /// <summary>The version an alias points at, or null when the model has no such alias.</summary>
    int? ResolveAlias(string model, string aliasName);

    /// <summary>Alias changes of a model (of one alias when given), oldest first.</summary>
    IReadOnlyList<AliasChange> AliasHistory(string model, string? aliasName = null);

    /// <summary>
    /// Records held-out metrics against the run whose bundle was evaluated and, when given, the registered version that
    /// is that run's bundle; audits it.
    /// </summary>
    /// <exception cref="GangwayException">
    /// The run or the version does not exist (<see cref="ErrorKind.NotFound"/>); the version is another run's, a model is
    /// given without a version (or the reverse), or a metric is not a finite number (<see cref="ErrorKind.InvalidInput"/>).
    /// </exception>
    EvaluationRecord RecordEvaluation(NewEvaluation evaluation, Change change);

    /// <summary>The evaluations recorded against a run (and so against any version registered from it), newest first.</summary>
    IReadOnlyList<EvaluationRecord> ListEvaluations(string runId);

    /// <summary>Audit entries, newest first.</summary>
    IReadOnlyList<AuditEntry> ListAudit(AuditQuery query);
}
