namespace Gangway.Store.PostgreSql.Sql;

/// <summary>SQL for registered models and their versions.</summary>
internal static class RegistrySql
{
    public const string EnsureModel = "INSERT INTO models (name, created_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING";

    // The model row is the lock that serialises every write to one model (versions and aliases).
    public const string LockModel = "SELECT latest_version FROM models WHERE name = $1 FOR UPDATE";

    public const string SetLatest = "UPDATE models SET latest_version = $2 WHERE name = $1";

    public const string InsertVersion = """
        INSERT INTO model_versions (model, version, run_id, artifact, sha256, created_at, created_by)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        """;

    private const string VersionColumns = "model, version, run_id, artifact, sha256, created_at, created_by";

    public const string SelectVersions = $"SELECT {VersionColumns} FROM model_versions WHERE model = $1 ORDER BY version DESC";

    public const string SelectVersion = $"SELECT {VersionColumns} FROM model_versions WHERE model = $1 AND version = $2";

    public const string VersionExists = "SELECT 1 FROM model_versions WHERE model = $1 AND version = $2";

    public const string SelectVersionContent = """
        SELECT a.content FROM model_versions v
        JOIN run_artifacts a ON a.run_id = v.run_id AND a.name = v.artifact
        WHERE v.model = $1 AND v.version = $2
        """;

    public const string SelectModels = """
        SELECT name, created_at, latest_version FROM models
        WHERE ($1::text IS NULL OR name = $1) AND latest_version > 0
        ORDER BY name COLLATE "C"
        """;

    public const string SelectAliasesOfModels = "SELECT model, alias, version FROM aliases WHERE ($1::text IS NULL OR model = $1) ORDER BY alias COLLATE \"C\"";
}
