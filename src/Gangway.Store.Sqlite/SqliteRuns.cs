using Gangway.Bundles;
using Gangway.Stores;
using Microsoft.Data.Sqlite;

namespace Gangway.Store.Sqlite;

/// <summary>The SQL for runs: the run row, its parameters, metrics, tags and artifacts.</summary>
internal static class SqliteRuns
{
    private const string Columns = "id, experiment, name, parent_run_id, status, started_at, ended_at, created_by, lineage";

    public static void Insert(SqliteTransaction transaction, string id, NewRun run, string createdBy)
    {
        transaction.Execute(
            "INSERT INTO runs (id, experiment, name, parent_run_id, status, started_at, ended_at, created_by, lineage) " +
            "VALUES ($id, $experiment, $name, $parent, $status, $started, $ended, $by, $lineage)",
            ("$id", id), ("$experiment", run.Experiment), ("$name", run.Name), ("$parent", run.ParentRunId),
            ("$status", StatusText(run.Status)), ("$started", SqliteTime.ToText(run.StartedAt)), ("$ended", SqliteTime.ToText(run.EndedAt)),
            ("$by", createdBy), ("$lineage", run.Lineage));
        Upsert(transaction, "run_params", id, run.Params);
        Upsert(transaction, "run_metrics", id, run.Metrics);
        Upsert(transaction, "run_tags", id, run.Tags);
        foreach (var artifact in run.Artifacts)
        {
            transaction.Execute(
                "INSERT INTO run_artifacts (run_id, name, size, sha256, content) VALUES ($run, $name, $size, $sha, $content)",
                ("$run", id), ("$name", artifact.Name), ("$size", artifact.Content.Length),
                ("$sha", Hashing.Sha256(artifact.Content.Span)), ("$content", artifact.Content.ToArray()));
        }
    }

    public static void Update(SqliteTransaction transaction, string id, RunUpdate update)
    {
        transaction.Execute(
            "UPDATE runs SET status = $status, ended_at = COALESCE($ended, ended_at) WHERE id = $id",
            ("$id", id), ("$status", StatusText(update.Status)), ("$ended", SqliteTime.ToText(update.EndedAt)));
        Upsert(transaction, "run_metrics", id, update.Metrics);
        Upsert(transaction, "run_tags", id, update.Tags);
    }

    public static bool Exists(SqliteTransaction transaction, string id) =>
        transaction.Scalar("SELECT 1 FROM runs WHERE id = $id", ("$id", id)) is not null;

    /// <summary>The ids starting with <paramref name="prefix"/> (lowercase hex), at most <paramref name="limit"/>.</summary>
    public static List<string> IdsStartingWith(SqliteTransaction transaction, string prefix, int limit) =>
        // Ids are lowercase hex, so every id with the prefix sorts between the prefix and the prefix followed by 'g'.
        transaction.Query(
            "SELECT id FROM runs WHERE id >= $low AND id < $high ORDER BY id LIMIT $limit",
            reader => reader.GetString(0), ("$low", prefix), ("$high", prefix + "g"), ("$limit", limit));

    public static RunRecord? Find(SqliteTransaction transaction, string id) =>
        Load(transaction, transaction.Query($"SELECT {Columns} FROM runs WHERE id = $id", ReadRow, ("$id", id))).SingleOrDefault();

    public static List<RunRecord> List(SqliteTransaction transaction, RunQuery query) =>
        Load(transaction, transaction.Query(
            $"SELECT {Columns} FROM runs WHERE ($experiment IS NULL OR experiment = $experiment) AND ($parent IS NULL OR parent_run_id = $parent) " +
            "ORDER BY started_at DESC, seq DESC LIMIT $limit",
            ReadRow, ("$experiment", query.Experiment), ("$parent", query.ParentRunId), ("$limit", Math.Max(0, query.Limit))));

    public static byte[]? ReadArtifact(SqliteTransaction transaction, string runId, string name) =>
        transaction.Scalar("SELECT content FROM run_artifacts WHERE run_id = $run AND name = $name", ("$run", runId), ("$name", name)) as byte[];

    public static List<ArtifactInfo> Artifacts(SqliteTransaction transaction, string runId) =>
        transaction.Query(
            "SELECT name, size, sha256 FROM run_artifacts WHERE run_id = $run ORDER BY name",
            reader => new ArtifactInfo(reader.GetString(0), reader.GetInt64(1), reader.GetString(2)), ("$run", runId));

    private static List<RunRecord> Load(SqliteTransaction transaction, List<RunRecord> rows) =>
        [.. rows.Select(row => row with
        {
            Params = Pairs(transaction, "run_params", row.Id, reader => reader.GetString(1)),
            Metrics = Pairs(transaction, "run_metrics", row.Id, reader => reader.GetDouble(1)),
            Tags = Pairs(transaction, "run_tags", row.Id, reader => reader.GetString(1)),
            Artifacts = Artifacts(transaction, row.Id),
        })];

    private static RunRecord ReadRow(SqliteDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.NullableString(3),
        Enum.Parse<RunStatus>(reader.GetString(4), ignoreCase: true),
        SqliteTime.Parse(reader.GetString(5)), reader.NullableString(6) is { } ended ? SqliteTime.Parse(ended) : null,
        reader.GetString(7), new Dictionary<string, string>(), new Dictionary<string, double>(), new Dictionary<string, string>(),
        reader.NullableString(8), []);

    private static Dictionary<string, TValue> Pairs<TValue>(SqliteTransaction transaction, string table, string runId, Func<SqliteDataReader, TValue> value) =>
        transaction.Query($"SELECT name, value FROM {table} WHERE run_id = $run ORDER BY name", reader => (Name: reader.GetString(0), Value: value(reader)), ("$run", runId))
            .ToDictionary(pair => pair.Name, pair => pair.Value, StringComparer.Ordinal);

    private static void Upsert<TValue>(SqliteTransaction transaction, string table, string runId, IReadOnlyDictionary<string, TValue> values)
    {
        foreach (var (name, value) in values)
        {
            transaction.Execute(
                $"INSERT INTO {table} (run_id, name, value) VALUES ($run, $name, $value) ON CONFLICT (run_id, name) DO UPDATE SET value = excluded.value",
                ("$run", runId), ("$name", name), ("$value", value));
        }
    }

    private static string StatusText(RunStatus status) => status.ToString().ToLowerInvariant();
}
