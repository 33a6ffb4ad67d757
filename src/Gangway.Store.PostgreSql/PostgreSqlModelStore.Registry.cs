using System.Text.Json.Nodes;
using Gangway.Store.PostgreSql.Sql;
using Gangway.Stores;
using Npgsql;

namespace Gangway.Store.PostgreSql;

/// <summary>Registered models and their numbered versions.</summary>
internal sealed partial class PostgreSqlModelStore
{
    /// <inheritdoc/>
    public ModelVersionRecord RegisterVersion(string model, string runId, string artifact, Change change)
    {
        RequireName("Model", model);
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(artifact);
        ArgumentNullException.ThrowIfNull(change);
        return Write(connection =>
        {
            var sha256 = connection.Scalar<string>(RunSql.SelectArtifactDigest, runId, artifact)
                ?? throw MissingArtifact(connection, runId, artifact);
            var now = Now();
            connection.Execute(RegistrySql.EnsureModel, model, now);
            var version = connection.Scalar<int>(RegistrySql.LockModel, model) + 1;
            connection.Execute(RegistrySql.SetLatest, model, version);
            connection.Execute(RegistrySql.InsertVersion, model, version, runId, artifact, sha256, now, change.Actor);
            var record = new ModelVersionRecord(model, version, runId, artifact, sha256, now, change.Actor);
            var details = new JsonObject { ["run"] = runId, ["artifact"] = artifact, ["sha256"] = sha256, ["version"] = version };
            Audit(connection, now, change, AuditActions.VersionRegistered, record.Reference, model, details);
            return record;
        });
    }

    /// <inheritdoc/>
    public IReadOnlyList<RegisteredModel> ListModels() => Read(connection => LoadModels(connection, null));

    /// <inheritdoc/>
    public RegisteredModel? FindModel(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Read(connection => LoadModels(connection, model).FirstOrDefault());
    }

    /// <inheritdoc/>
    public IReadOnlyList<ModelVersionRecord> ListVersions(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Read(connection => connection.Query(RegistrySql.SelectVersions, ReadVersion, model));
    }

    /// <inheritdoc/>
    public ModelVersionRecord? FindVersion(string model, int version)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Read(connection => connection.Query(RegistrySql.SelectVersion, ReadVersion, model, version).FirstOrDefault());
    }

    /// <inheritdoc/>
    public byte[] ReadVersionArtifact(string model, int version)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Read(connection => connection.Scalar<byte[]>(RegistrySql.SelectVersionContent, model, version))
            ?? throw VersionNotFound(model, version);
    }

    private static ModelVersionRecord ReadVersion(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetString(3), r.GetString(4), r.Timestamp(5), r.GetString(6));

    private static List<RegisteredModel> LoadModels(NpgsqlConnection connection, string? model)
    {
        var aliases = connection.Query(RegistrySql.SelectAliasesOfModels, r => (Model: r.GetString(0), Alias: r.GetString(1), Version: r.GetInt32(2)), model)
            .ToLookup(a => a.Model);
        return connection.Query(
            RegistrySql.SelectModels,
            r => new RegisteredModel(
                r.GetString(0),
                r.Timestamp(1),
                r.GetInt32(2),
                aliases[r.GetString(0)].ToDictionary(a => a.Alias, a => a.Version, StringComparer.Ordinal)),
            model);
    }

    private GangwayException MissingArtifact(NpgsqlConnection connection, string runId, string artifact)
    {
        if (connection.Scalar<int?>(RunSql.Exists, runId) is null)
        {
            return RunNotFound(runId);
        }

        var names = connection.Query(RunSql.SelectArtifactNames, r => r.GetString(0), runId);
        var present = names.Count == 0 ? "it has none" : $"it has: {string.Join(", ", names)}";
        return new GangwayException(ErrorKind.NotFound, $"Run '{runId}' in store '{DisplayUri}' has no artifact '{artifact}'; {present}.");
    }

    private GangwayException VersionNotFound(string model, int version) =>
        new(ErrorKind.NotFound, $"Model '{model}' has no version {version} in store '{DisplayUri}'.");
}
