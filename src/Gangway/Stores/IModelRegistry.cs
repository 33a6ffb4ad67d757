namespace Gangway.Stores;

/// <summary>
/// The model registry: registered models with numbered versions (each a run's artifact), aliases that point at versions
/// (with their history, for rollback), and the audit log of every change to the store. Every write is one transaction
/// that also appends its audit entry.
/// </summary>
public interface IModelRegistry
{
    /// <summary>The store's URI with any password hidden, for messages and logs.</summary>
    string DisplayUri { get; }

    /// <summary>
    /// Registers a run's artifact as the next version of a model (1 for a new model), and audits it. Versions are never
    /// reused, also under concurrent registrations.
    /// </summary>
    /// <exception cref="GangwayException">The run or its artifact does not exist (<see cref="ErrorKind.NotFound"/>).</exception>
    Task<ModelVersionRecord> RegisterVersionAsync(string model, string runId, string artifact, Change change, CancellationToken cancellationToken);

    /// <summary>Registered models, by name.</summary>
    Task<IReadOnlyList<RegisteredModel>> ListModelsAsync(CancellationToken cancellationToken);

    /// <summary>A registered model, or null.</summary>
    Task<RegisteredModel?> FindModelAsync(string model, CancellationToken cancellationToken);

    /// <summary>A model's versions, newest first; empty when the model does not exist.</summary>
    Task<IReadOnlyList<ModelVersionRecord>> ListVersionsAsync(string model, CancellationToken cancellationToken);

    /// <summary>One version of a model, or null.</summary>
    Task<ModelVersionRecord?> FindVersionAsync(string model, int version, CancellationToken cancellationToken);

    /// <summary>The bytes of a version's bundle.</summary>
    /// <exception cref="GangwayException">The version does not exist (<see cref="ErrorKind.NotFound"/>).</exception>
    Task<byte[]> ReadVersionArtifactAsync(string model, int version, CancellationToken cancellationToken);

    /// <summary>Points an alias (any name, e.g. <c>champion</c>) at a version, records the change in the alias history and audits it.</summary>
    /// <exception cref="GangwayException">The version does not exist (<see cref="ErrorKind.NotFound"/>).</exception>
    Task<AliasChange> SetAliasAsync(string model, string aliasName, int version, Change change, CancellationToken cancellationToken);

    /// <summary>
    /// Points an alias back at the version it had before its current one: the alias history is a stack where setting
    /// pushes and rolling back pops (set 1, 2, 3 then rollback gives 2, rollback again gives 1).
    /// </summary>
    /// <exception cref="GangwayException">The alias does not exist (<see cref="ErrorKind.NotFound"/>) or has no earlier version (<see cref="ErrorKind.InvalidInput"/>).</exception>
    Task<AliasChange> RollbackAliasAsync(string model, string aliasName, Change change, CancellationToken cancellationToken);

    /// <summary>The version an alias points at, or null when the model has no such alias.</summary>
    Task<int?> ResolveAliasAsync(string model, string aliasName, CancellationToken cancellationToken);

    /// <summary>Alias changes of a model (of one alias when <paramref name="aliasName"/> is not null), oldest first.</summary>
    Task<IReadOnlyList<AliasChange>> AliasHistoryAsync(string model, string? aliasName, CancellationToken cancellationToken);

    /// <summary>Audit entries of the whole store (runs, evaluations, versions, aliases), newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAuditAsync(AuditQuery query, CancellationToken cancellationToken);
}
