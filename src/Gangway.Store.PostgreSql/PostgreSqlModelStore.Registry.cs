using System.Text.Json.Nodes;
using Gangway.Store.PostgreSql.Sql;
using Gangway.Stores;
using Npgsql;

namespace Gangway.Store.PostgreSql;

/// <summary>Registered models and their numbered versions.</summary>
internal sealed partial class PostgreSqlModelStore
{
    /// <inheritdoc/>
    public async Task<ModelVersionRecord> RegisterVersionAsync(string model, string runId, string artifact, Change change, CancellationToken cancellationToken)
    {
        RequireName("Model", model);
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(artifact);
        ArgumentNullException.ThrowIfNull(change);
        return await WriteAsync(async connection =>
        {
            var sha256 = await connection.ScalarAsync<string>(RunSql.SelectArtifactDigest, runId, artifact)
                ?? throw await MissingArtifactAsync(connection, runId, artifact);
            var now = Now();
            await connection.ExecuteAsync(RegistrySql.EnsureModel, model, now);
            var version = await connection.ScalarAsync<int>(RegistrySql.LockModel, model) + 1;
            await connection.ExecuteAsync(RegistrySql.SetLatest, model, version);
            await connection.ExecuteAsync(RegistrySql.InsertVersion, model, version, runId, artifact, sha256, now, change.Actor);
            var record = new ModelVersionRecord(model, version, runId, artifact, sha256, now, change.Actor);
            var details = new JsonObject { ["run"] = runId, ["artifact"] = artifact, ["sha256"] = sha256, ["version"] = version };
            await AuditAsync(connection, now, change, AuditActions.VersionRegistered, record.Reference, model, details);
            return record;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<RegisteredModel>> ListModelsAsync(CancellationToken cancellationToken) => await ReadAsync(async connection => await LoadModelsAsync(connection, null), cancellationToken);

    /// <inheritdoc/>
    public async Task<RegisteredModel?> FindModelAsync(string model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        return await ReadAsync(async connection => (await LoadModelsAsync(connection, model)).FirstOrDefault(), cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ModelVersionRecord>> ListVersionsAsync(string model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        return await ReadAsync(async connection => await connection.QueryAsync(RegistrySql.SelectVersions, ReadVersion, model), cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<ModelVersionRecord?> FindVersionAsync(string model, int version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        return await ReadAsync(async connection => (await connection.QueryAsync(RegistrySql.SelectVersion, ReadVersion, model, version)).FirstOrDefault(), cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<byte[]> ReadVersionArtifactAsync(string model, int version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        return await ReadAsync(async connection => await connection.ScalarAsync<byte[]>(RegistrySql.SelectVersionContent, model, version), cancellationToken)
            ?? throw VersionNotFound(model, version);
    }

    private static ModelVersionRecord ReadVersion(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetString(3), r.GetString(4), r.Timestamp(5), r.GetString(6));

    private static async Task<List<RegisteredModel>> LoadModelsAsync(PostgreSqlSession connection, string? model)
    {
        var aliases = (await connection.QueryAsync(RegistrySql.SelectAliasesOfModels, r => (Model: r.GetString(0), Alias: r.GetString(1), Version: r.GetInt32(2)), model))
            .ToLookup(a => a.Model);
        return await connection.QueryAsync(
            RegistrySql.SelectModels,
            r => new RegisteredModel(
                r.GetString(0),
                r.Timestamp(1),
                r.GetInt32(2),
                aliases[r.GetString(0)].ToDictionary(a => a.Alias, a => a.Version, StringComparer.Ordinal)),
            model);
    }

    private async Task<GangwayException> MissingArtifactAsync(PostgreSqlSession connection, string runId, string artifact)
    {
        if (await connection.ScalarAsync<int?>(RunSql.Exists, runId) is null)
        {
            return RunNotFound(runId);
        }

        var names = await connection.QueryAsync(RunSql.SelectArtifactNames, r => r.GetString(0), runId);
        var present = names.Count == 0 ? "it has none" : $"it has: {string.Join(", ", names)}";
        return new GangwayException(ErrorKind.NotFound, $"Run '{runId}' in store '{DisplayUri}' has no artifact '{artifact}'; {present}.");
    }

    private GangwayException VersionNotFound(string model, int version) =>
        new(ErrorKind.NotFound, $"Model '{model}' has no version {version} in store '{DisplayUri}'.");
}
