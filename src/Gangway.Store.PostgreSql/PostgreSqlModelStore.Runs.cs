using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Gangway.Bundles;
using Gangway.Store.PostgreSql.Sql;
using Gangway.Stores;
using Npgsql;

namespace Gangway.Store.PostgreSql;

/// <summary>Tracked runs with their parameters, metrics, tags and artifacts.</summary>
internal sealed partial class PostgreSqlModelStore
{
    private const int MinimumPrefixLength = 6;

    /// <inheritdoc/>
    public RunRecord CreateRun(NewRun run, Change change)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(change);
        RunArtifacts.Validate(run.Artifacts);
        var id = RandomNumberGenerator.GetHexString(32, lowercase: true);
        return Write(connection =>
        {
            if (run.ParentRunId is { } parent && connection.Scalar<int?>(RunSql.Exists, parent) is null)
            {
                throw new GangwayException(ErrorKind.NotFound, $"Parent run '{parent}' does not exist in store '{DisplayUri}'.");
            }

            var now = Now();
            connection.Execute(
                RunSql.Insert, id, run.Experiment, run.Name, run.ParentRunId, run.Status.ToString(),
                StoreTime.Normalize(run.StartedAt), StoreTime.Normalize(run.EndedAt), change.Actor, run.Lineage);
            foreach (var (name, value) in run.Params)
            {
                connection.Execute(RunSql.InsertParam, id, name, value);
            }

            AddMetricsAndTags(connection, id, run.Metrics, run.Tags);
            foreach (var artifact in run.Artifacts)
            {
                connection.Execute(RunSql.InsertArtifact, id, artifact.Name, (long)artifact.Content.Length, Hashing.Sha256(artifact.Content.Span), artifact.Content);
            }

            var details = new JsonObject
            {
                ["experiment"] = run.Experiment,
                ["name"] = run.Name,
                ["parent"] = run.ParentRunId,
                ["status"] = run.Status.ToString(),
                ["artifacts"] = new JsonArray([.. run.Artifacts.Select(a => JsonValue.Create(a.Name))]),
            };
            Audit(connection, now, change, AuditActions.RunCreated, id, null, details);
            return LoadRuns(connection, RunSql.SelectById, id)[0];
        });
    }

    /// <inheritdoc/>
    public RunRecord UpdateRun(string runId, RunUpdate update, Change change)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(change);
        return Write(connection =>
        {
            if (connection.Scalar<int?>(RunSql.LockRun, runId) is null)
            {
                throw RunNotFound(runId);
            }

            connection.Execute(RunSql.UpdateStatus, runId, update.Status.ToString(), StoreTime.Normalize(update.EndedAt));
            AddMetricsAndTags(connection, runId, update.Metrics, update.Tags);
            var details = new JsonObject
            {
                ["status"] = update.Status.ToString(),
                ["ended_at"] = update.EndedAt is { } ended ? JsonValue.Create(StoreTime.Normalize(ended)) : null,
                ["metrics"] = new JsonArray([.. update.Metrics.Keys.Order(StringComparer.Ordinal).Select(k => JsonValue.Create(k))]),
                ["tags"] = new JsonArray([.. update.Tags.Keys.Order(StringComparer.Ordinal).Select(k => JsonValue.Create(k))]),
            };
            Audit(connection, Now(), change, AuditActions.RunUpdated, runId, null, details);
            return LoadRuns(connection, RunSql.SelectById, runId)[0];
        });
    }

    /// <inheritdoc/>
    public RunRecord? FindRun(string runIdOrPrefix)
    {
        ArgumentNullException.ThrowIfNull(runIdOrPrefix);
        var text = runIdOrPrefix.Trim().ToLowerInvariant();
        if (text.Length < MinimumPrefixLength || text.Length > 32 || !text.All(char.IsAsciiHexDigit))
        {
            return null;
        }

        return Read(connection =>
        {
            if (text.Length < 32)
            {
                var ids = connection.Query(RunSql.SelectIdsByPrefix, r => r.GetString(0), text);
                if (ids.Count > 1)
                {
                    throw new GangwayException(
                        ErrorKind.InvalidInput,
                        $"Run id prefix '{runIdOrPrefix}' matches several runs in store '{DisplayUri}' (e.g. {ids[0]} and {ids[1]}); give more characters.");
                }

                if (ids.Count == 0)
                {
                    return null;
                }

                text = ids[0];
            }

            return LoadRuns(connection, RunSql.SelectById, text).FirstOrDefault();
        });
    }

    /// <inheritdoc/>
    public IReadOnlyList<RunRecord> ListRuns(RunQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Read(connection => LoadRuns(connection, RunSql.SelectMany, query.Experiment, query.ParentRunId, Math.Max(query.Limit, 0)));
    }

    /// <inheritdoc/>
    public byte[]? ReadArtifact(string runId, string name)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(name);
        return Read(connection => connection.Scalar<byte[]>(RunSql.SelectArtifactContent, runId, name));
    }

    private static void AddMetricsAndTags(NpgsqlConnection connection, string runId, IReadOnlyDictionary<string, double> metrics, IReadOnlyDictionary<string, string> tags)
    {
        foreach (var (name, value) in metrics)
        {
            connection.Execute(RunSql.UpsertMetric, runId, name, value);
        }

        foreach (var (name, value) in tags)
        {
            connection.Execute(RunSql.UpsertTag, runId, name, value);
        }
    }

    private GangwayException RunNotFound(string runId) =>
        new(ErrorKind.NotFound, $"Run '{runId}' does not exist in store '{DisplayUri}'.");

    private static List<RunRecord> LoadRuns(NpgsqlConnection connection, string sql, params object?[] values) =>
        RunReader.Load(connection, sql, values);
}
