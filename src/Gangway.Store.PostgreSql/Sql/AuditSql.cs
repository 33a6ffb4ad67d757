namespace Gangway.Store.PostgreSql.Sql;

/// <summary>SQL for the audit log.</summary>
internal static class AuditSql
{
    public const string Insert = """
        INSERT INTO audit (at, actor, action, subject, model, details, reason)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        """;

    public const string SelectMany = """
        SELECT id, at, actor, action, subject, details, reason FROM audit
        WHERE ($1::text IS NULL OR model = $1)
        ORDER BY id DESC
        LIMIT $2
        """;
}
