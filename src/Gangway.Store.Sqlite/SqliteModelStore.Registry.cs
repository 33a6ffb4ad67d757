using Gangway.Stores;

namespace Gangway.Store.Sqlite;

/// <summary>Registered models, versions and aliases.</summary>
internal sealed partial class SqliteModelStore
{
    public ModelVersionRecord RegisterVersion(string model, string runId, string artifact, Change change)
    {
        RequireName("Model", model);
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(artifact);
        ArgumentNullException.ThrowIfNull(change);
        return _database.Write(transaction =>
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
        });
    }

    public IReadOnlyList<RegisteredModel> ListModels() => _database.Read(transaction => SqliteRegistry.ListModels(transaction));

    public RegisteredModel? FindModel(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return _database.Read(transaction => SqliteRegistry.ListModels(transaction, model).SingleOrDefault());
    }

    public IReadOnlyList<ModelVersionRecord> ListVersions(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return _database.Read(transaction => SqliteRegistry.ListVersions(transaction, model));
    }

    public ModelVersionRecord? FindVersion(string model, int version)
    {
        ArgumentNullException.ThrowIfNull(model);
        return _database.Read(transaction => SqliteRegistry.FindVersion(transaction, model, version));
    }

    public byte[] ReadVersionArtifact(string model, int version)
    {
        ArgumentNullException.ThrowIfNull(model);
        return _database.Read(transaction => SqliteRegistry.ReadVersionArtifact(transaction, model, version))
            ?? throw new GangwayException(ErrorKind.NotFound, $"Model '{model}' has no version {version} in store '{DisplayUri}'.");
    }

    public AliasChange SetAlias(string model, string aliasName, int version, Change change)
    {
        ArgumentNullException.ThrowIfNull(model);
        RequireName("Alias", aliasName);
        ArgumentNullException.ThrowIfNull(change);
        return _database.Write(transaction =>
        {
            if (SqliteRegistry.FindVersion(transaction, model, version) is null)
            {
                throw new GangwayException(ErrorKind.NotFound, $"Model '{model}' has no version {version} in store '{DisplayUri}'.");
            }

            var previous = SqliteAliases.Resolve(transaction, model, aliasName);
            return RecordAliasChange(transaction, new AliasChange(model, aliasName, version, previous, AliasChange.Set, _time.GetUtcNow(), change.Actor, change.Reason), change);
        });
    }

    public AliasChange RollbackAlias(string model, string aliasName, Change change)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(aliasName);
        ArgumentNullException.ThrowIfNull(change);
        return _database.Write(transaction =>
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
        });
    }

    public int? ResolveAlias(string model, string aliasName)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(aliasName);
        return _database.Read(transaction => SqliteAliases.Resolve(transaction, model, aliasName));
    }

    public IReadOnlyList<AliasChange> AliasHistory(string model, string? aliasName = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return _database.Read(transaction => SqliteAliases.History(transaction, model, aliasName));
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
