using Gangway.Stores;

namespace Gangway.Store.Sqlite;

/// <summary>Registered models, versions and aliases.</summary>
internal sealed partial class SqliteModelStore
{
    public async Task<ModelVersionRecord> RegisterVersionAsync(string model, string runId, string artifact, Change change, CancellationToken cancellationToken)
    {
        RequireName("Model", model);
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(artifact);
        ArgumentNullException.ThrowIfNull(change);
        return await _database.WriteAsync(transaction =>
        {
            if (!SqliteRuns.Exists(transaction, runId))
            {
                throw RunNotFound(runId);
            }

            var artifacts = SqliteRuns.Artifacts(transaction, runId);
            var info = artifacts.FirstOrDefault(a => a.Name == artifact)
                ?? throw new GangwayException(
                    ErrorKind.NotFound,
                    $"Run '{runId}' in store '{DisplayUri}' has no artifact '{artifact}'; it has: {(artifacts.Count == 0 ? "none" : string.Join(", ", artifacts.Select(a => a.Name)))}.");
            var version = SqliteRegistry.AddVersion(transaction, model, runId, artifact, info.Sha256, _time.GetUtcNow(), change.Actor);
            var details = AuditDetails.Write(change, json =>
            {
                json.WriteString("run", runId);
                json.WriteString("artifact", artifact);
                json.WriteString("sha256", info.Sha256);
            });
            SqliteAudit.Append(transaction, version.CreatedAt, change, AuditActions.VersionRegistered, version.Reference, model, details);
            return version;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<RegisteredModel>> ListModelsAsync(CancellationToken cancellationToken) => await _database.ReadAsync(transaction => SqliteRegistry.ListModels(transaction), cancellationToken);

    public async Task<RegisteredModel?> FindModelAsync(string model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        return await _database.ReadAsync(transaction => SqliteRegistry.ListModels(transaction, model).SingleOrDefault(), cancellationToken);
    }

    public async Task<IReadOnlyList<ModelVersionRecord>> ListVersionsAsync(string model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        return await _database.ReadAsync(transaction => SqliteRegistry.ListVersions(transaction, model), cancellationToken);
    }

    public async Task<ModelVersionRecord?> FindVersionAsync(string model, int version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        return await _database.ReadAsync(transaction => SqliteRegistry.FindVersion(transaction, model, version), cancellationToken);
    }

    public async Task<byte[]> ReadVersionArtifactAsync(string model, int version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        return await _database.ReadAsync(transaction => SqliteRegistry.ReadVersionArtifact(transaction, model, version), cancellationToken)
            ?? throw new GangwayException(ErrorKind.NotFound, $"Model '{model}' has no version {version} in store '{DisplayUri}'.");
    }

    public async Task<AliasChange> SetAliasAsync(string model, string aliasName, int version, Change change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        RequireName("Alias", aliasName);
        ArgumentNullException.ThrowIfNull(change);
        return await _database.WriteAsync(transaction =>
        {
            if (SqliteRegistry.FindVersion(transaction, model, version) is null)
            {
                throw new GangwayException(ErrorKind.NotFound, $"Model '{model}' has no version {version} in store '{DisplayUri}'.");
            }

            var previous = SqliteAliases.Resolve(transaction, model, aliasName);
            return RecordAliasChange(transaction, new AliasChange(model, aliasName, version, previous, AliasChange.Set, _time.GetUtcNow(), change.Actor, change.Reason), change);
        }, cancellationToken);
    }

    public async Task<AliasChange> RollbackAliasAsync(string model, string aliasName, Change change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(aliasName);
        ArgumentNullException.ThrowIfNull(change);
        return await _database.WriteAsync(transaction =>
        {
            var stack = SqliteAliases.Stack(transaction, model, aliasName);
            if (stack.Count == 0)
            {
                throw new GangwayException(ErrorKind.NotFound, $"Model '{model}' has no alias '{aliasName}' in store '{DisplayUri}'.");
            }

            if (stack.Count == 1)
            {
                throw new GangwayException(
                    ErrorKind.InvalidInput, $"Alias '{model}@{aliasName}' has no earlier version to roll back to; it points at version {stack[0]}.");
            }

            return RecordAliasChange(transaction, new AliasChange(model, aliasName, stack[^2], stack[^1], AliasChange.Rollback, _time.GetUtcNow(), change.Actor, change.Reason), change);
        }, cancellationToken);
    }

    public async Task<int?> ResolveAliasAsync(string model, string aliasName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(aliasName);
        return await _database.ReadAsync(transaction => SqliteAliases.Resolve(transaction, model, aliasName), cancellationToken);
    }

    public async Task<IReadOnlyList<AliasChange>> AliasHistoryAsync(string model, string? aliasName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        return await _database.ReadAsync(transaction => SqliteAliases.History(transaction, model, aliasName), cancellationToken);
    }

    private static AliasChange RecordAliasChange(Microsoft.Data.Sqlite.SqliteTransaction transaction, AliasChange aliasChange, Change change)
    {
        var recorded = SqliteAliases.Record(transaction, aliasChange);
        var details = AuditDetails.Write(change, json =>
        {
            json.WriteVersionOrNull("from", recorded.PreviousVersion);
            json.WriteNumber("to", recorded.Version);
        });
        var action = recorded.Kind == AliasChange.Set ? AuditActions.AliasSet : AuditActions.AliasRolledBack;
        SqliteAudit.Append(transaction, recorded.ChangedAt, change, action, $"{recorded.Model}@{recorded.Alias}", recorded.Model, details);
        return recorded;
    }

    private static void RequireName(string what, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!ModelReference.IsValidName(name))
        {
            throw new GangwayException(
                ErrorKind.InvalidInput,
                $"{what} name '{name}' is not valid: use letters, digits, '_', '.' and '-', starting with a letter or digit, at most 100 characters.");
        }
    }
}
