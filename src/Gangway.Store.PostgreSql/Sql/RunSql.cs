namespace Gangway.Store.PostgreSql.Sql;

/// <summary>SQL for tracked runs.</summary>
internal static class RunSql
{
    public const string Insert = """
        INSERT INTO runs (id, experiment, name, parent_run_id, status, started_at, ended_at, created_by, lineage)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        """;

    public const string InsertParam = "INSERT INTO run_params (run_id, name, value) VALUES ($1, $2, $3)";

    public const string UpsertMetric = """
        INSERT INTO run_metrics (run_id, name, value) VALUES ($1, $2, $3)
        ON CONFLICT (run_id, name) DO UPDATE SET value = excluded.value
        """;

    public const string UpsertTag = """
        INSERT INTO run_tags (run_id, name, value) VALUES ($1, $2, $3)
        ON CONFLICT (run_id, name) DO UPDATE SET value = excluded.value
        """;

    public const string InsertArtifact = "INSERT INTO run_artifacts (run_id, name, size, sha256, content) VALUES ($1, $2, $3, $4, $5)";

    public const string LockRun = "SELECT 1 FROM runs WHERE id = $1 FOR UPDATE";

    public const string Exists = "SELECT 1 FROM runs WHERE id = $1";

    public const string UpdateStatus = "UPDATE runs SET status = $2, ended_at = coalesce($3, ended_at) WHERE id = $1";

    private const string Columns = "id, experiment, name, parent_run_id, status, started_at, ended_at, created_by, lineage";

    public const string SelectById = $"SELECT {Columns} FROM runs WHERE id = $1";

    // LIKE with a prefix of hex digits only (checked before), so no wildcard escaping is needed.
    public const string SelectIdsByPrefix = "SELECT id FROM runs WHERE id LIKE $1 || '%' ORDER BY id LIMIT 2";

    public const string SelectMany = $"""
        SELECT {Columns} FROM runs
        WHERE ($1::text IS NULL OR experiment = $1) AND ($2::text IS NULL OR parent_run_id = $2)
        ORDER BY started_at DESC, seq DESC
        LIMIT $3
        """;

    public const string SelectParams = "SELECT run_id, name, value FROM run_params WHERE run_id = ANY($1) ORDER BY name COLLATE \"C\"";

    public const string SelectMetrics = "SELECT run_id, name, value FROM run_metrics WHERE run_id = ANY($1) ORDER BY name COLLATE \"C\"";

    public const string SelectTags = "SELECT run_id, name, value FROM run_tags WHERE run_id = ANY($1) ORDER BY name COLLATE \"C\"";

    public const string SelectArtifactInfos = "SELECT run_id, name, size, sha256 FROM run_artifacts WHERE run_id = ANY($1) ORDER BY name COLLATE \"C\"";

    public const string SelectArtifactContent = "SELECT content FROM run_artifacts WHERE run_id = $1 AND name = $2";

    public const string SelectArtifactDigest = "SELECT sha256 FROM run_artifacts WHERE run_id = $1 AND name = $2";

    public const string SelectArtifactNames = "SELECT name FROM run_artifacts WHERE run_id = $1 ORDER BY name COLLATE \"C\"";
}
