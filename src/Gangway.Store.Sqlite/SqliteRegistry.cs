using Gangway.Stores;
using Microsoft.Data.Sqlite;

namespace Gangway.Store.Sqlite;

/// <summary>The SQL for registered models and their versions.</summary>
internal static class SqliteRegistry
{
    private const string VersionColumns = "model, version, run_id, artifact, sha256, created_at, created_by";

    /// <summary>Adds the version after the model's highest one (creating the model when new) and returns it.</summary>
    public static ModelVersionRecord AddVersion(SqliteTransaction transaction, string model, string runId, string artifact, string sha256, DateTimeOffset at, string createdBy)
    {
        transaction.Execute(
            "INSERT INTO models (name, created_at) VALUES ($model, $at) ON CONFLICT (name) DO NOTHING",
            ("$model", model), ("$at", SqliteTime.ToText(at)));
        var version = Convert.ToInt32(
            transaction.Scalar("SELECT COALESCE(MAX(version), 0) + 1 FROM model_versions WHERE model = $model", ("$model", model)),
            System.Globalization.CultureInfo.InvariantCulture);
        transaction.Execute(
            $"INSERT INTO model_versions ({VersionColumns}) VALUES ($model, $version, $run, $artifact, $sha, $at, $by)",
            ("$model", model), ("$version", version), ("$run", runId), ("$artifact", artifact), ("$sha", sha256),
            ("$at", SqliteTime.ToText(at)), ("$by", createdBy));
        return new ModelVersionRecord(model, version, runId, artifact, sha256, SqliteTime.Parse(SqliteTime.ToText(at)), createdBy);
    }

    public static ModelVersionRecord? FindVersion(SqliteTransaction transaction, string model, int version) =>
        transaction.Query(
            $"SELECT {VersionColumns} FROM model_versions WHERE model = $model AND version = $version",
            ReadVersion, ("$model", model), ("$version", version)).SingleOrDefault();

    public static List<ModelVersionRecord> ListVersions(SqliteTransaction transaction, string model) =>
        transaction.Query(
            $"SELECT {VersionColumns} FROM model_versions WHERE model = $model ORDER BY version DESC",
            ReadVersion, ("$model", model));

    public static byte[]? ReadVersionArtifact(SqliteTransaction transaction, string model, int version) =>
        transaction.Scalar(
            "SELECT a.content FROM model_versions v JOIN run_artifacts a ON a.run_id = v.run_id AND a.name = v.artifact " +
            "WHERE v.model = $model AND v.version = $version",
            ("$model", model), ("$version", version)) as byte[];

    /// <summary>Registered models by name; only <paramref name="model"/> when given.</summary>
    public static List<RegisteredModel> ListModels(SqliteTransaction transaction, string? model = null)
    {
        var models = transaction.Query(
            "SELECT m.name, m.created_at, (SELECT MAX(version) FROM model_versions v WHERE v.model = m.name) " +
            "FROM models m WHERE $model IS NULL OR m.name = $model ORDER BY m.name",
            reader => (Name: reader.GetString(0), CreatedAt: SqliteTime.Parse(reader.GetString(1)), Latest: reader.GetInt32(2)),
            ("$model", model));
        return [.. models.Select(m => new RegisteredModel(m.Name, m.CreatedAt, m.Latest, Aliases(transaction, m.Name)))];
    }

    private static Dictionary<string, int> Aliases(SqliteTransaction transaction, string model) =>
        transaction.Query("SELECT alias, version FROM aliases WHERE model = $model", reader => (Alias: reader.GetString(0), Version: reader.GetInt32(1)), ("$model", model))
            .ToDictionary(alias => alias.Alias, alias => alias.Version, StringComparer.Ordinal);

    private static ModelVersionRecord ReadVersion(SqliteDataReader reader) => new(
        reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
        SqliteTime.Parse(reader.GetString(5)), reader.GetString(6));
}
