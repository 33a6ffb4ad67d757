namespace Gangway.Store.PostgreSql.Sql;

/// <summary>SQL for deployment revisions.</summary>
internal static class DeploymentSql
{
    private const string Columns = "model, revision, applied_at, actor, reason, yaml";

    // Applies to one model take turns (a transaction-scoped lock on the model's name), so revision numbers are never reused.
    public const string LockModel = "SELECT pg_advisory_xact_lock(hashtext('gangway.deployment'), hashtext($1))";

    public const string SelectLatestNumber = "SELECT coalesce(max(revision), 0) FROM deployment_revisions WHERE model = $1";

    public const string Insert = $"INSERT INTO deployment_revisions ({Columns}) VALUES ($1, $2, $3, $4, $5, $6)";

    public const string SelectCurrent = $"SELECT {Columns} FROM deployment_revisions WHERE model = $1 ORDER BY revision DESC LIMIT 1";

    public const string SelectHistory = $"SELECT {Columns} FROM deployment_revisions WHERE model = $1 ORDER BY revision DESC";

    public const string SelectAllCurrent = $"""
        SELECT DISTINCT ON (model) {Columns} FROM deployment_revisions
        ORDER BY model, revision DESC
        """;
}
