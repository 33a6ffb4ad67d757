using System.Text.Json;
using Gangway.Stores;
using Microsoft.Data.Sqlite;

namespace Gangway.Store.Sqlite;

/// <summary>The SQL for recorded evaluations; metrics are kept as one JSON object.</summary>
internal static class SqliteEvaluations
{
    private const string Columns = "id, run_id, model, version, data_name, data_sha256, metrics, evaluated_at, evaluated_by";

    public static void Insert(SqliteTransaction transaction, string id, NewEvaluation evaluation, DateTimeOffset at, string evaluatedBy) =>
        transaction.Execute(
            $"INSERT INTO evaluations ({Columns}) VALUES ($id, $run, $model, $version, $dataName, $dataSha, $metrics, $at, $by)",
            ("$id", id), ("$run", evaluation.RunId), ("$model", evaluation.Model), ("$version", evaluation.Version),
            ("$dataName", evaluation.DataName), ("$dataSha", evaluation.DataSha256),
            ("$metrics", JsonSerializer.Serialize(evaluation.Metrics)), ("$at", SqliteTime.ToText(at)), ("$by", evaluatedBy));

    public static List<EvaluationRecord> OfRun(SqliteTransaction transaction, string runId) =>
        transaction.Query($"SELECT {Columns} FROM evaluations WHERE run_id = $run ORDER BY seq DESC", Read, ("$run", runId));

    public static EvaluationRecord Find(SqliteTransaction transaction, string id) =>
        transaction.Query($"SELECT {Columns} FROM evaluations WHERE id = $id", Read, ("$id", id)).Single();

    private static EvaluationRecord Read(SqliteDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.NullableString(2), reader.NullableInt32(3), reader.GetString(4), reader.GetString(5),
        JsonSerializer.Deserialize<Dictionary<string, double>>(reader.GetString(6))!, SqliteTime.Parse(reader.GetString(7)), reader.GetString(8));
}
