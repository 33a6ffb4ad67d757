namespace Gangway.Store.PostgreSql.Sql;

/// <summary>SQL for recorded evaluations; metrics are kept as one JSON object.</summary>
internal static class EvaluationSql
{
    private const string Columns = "id, run_id, model, version, data_name, data_sha256, metrics, evaluated_at, evaluated_by";

    public const string Insert = $"INSERT INTO evaluations ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

    public const string SelectOfRun = $"SELECT {Columns} FROM evaluations WHERE run_id = $1 ORDER BY seq DESC";
}
