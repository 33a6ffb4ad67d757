namespace Gangway.Store.PostgreSql.Sql;

/// <summary>SQL for aliases: the current pointer, the rollback stack and the history of changes.</summary>
internal static class AliasSql
{
    public const string SelectCurrent = "SELECT version FROM aliases WHERE model = $1 AND alias = $2";

    public const string Upsert = """
        INSERT INTO aliases (model, alias, version) VALUES ($1, $2, $3)
        ON CONFLICT (model, alias) DO UPDATE SET version = excluded.version
        """;

    public const string Push = """
        INSERT INTO alias_stack (model, alias, position, version)
        SELECT $1, $2, coalesce(max(position), 0) + 1, $3 FROM alias_stack WHERE model = $1 AND alias = $2
        """;

    public const string SelectTopTwo = "SELECT position, version FROM alias_stack WHERE model = $1 AND alias = $2 ORDER BY position DESC LIMIT 2";

    public const string Pop = "DELETE FROM alias_stack WHERE model = $1 AND alias = $2 AND position = $3";

    public const string InsertChange = """
        INSERT INTO alias_changes (model, alias, version, previous_version, kind, changed_at, actor, reason)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        """;

    public const string SelectHistory = """
        SELECT model, alias, version, previous_version, kind, changed_at, actor, reason FROM alias_changes
        WHERE model = $1 AND ($2::text IS NULL OR alias = $2)
        ORDER BY id
        """;
}
