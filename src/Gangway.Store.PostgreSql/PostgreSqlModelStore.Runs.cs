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
    public async Task<RunRecord> CreateRunAsync(NewRun run, Change change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(change);
        RunArtifacts.Validate(run.Artifacts);
        var id = RandomNumberGenerator.GetHexString(32, lowercase: true);
        return await WriteAsync(async connection =>
        {
            if (run.ParentRunId is { } parent && await connection.ScalarAsync<int?>(RunSql.Exists, parent) is null)
            {
                throw new GangwayException(ErrorKind.NotFound, $"Parent run '{parent}' does not exist in store '{DisplayUri}'.");
            }

            var now = Now();
            await connection.ExecuteAsync(
                RunSql.Insert, id, run.Experiment, run.Name, run.ParentRunId, run.Status.ToString(),
                StoreTime.Normalize(run.StartedAt), StoreTime.Normalize(run.EndedAt), change.Actor, run.Lineage);
            foreach (var (name, value) in run.Params)
            {
                await connection.ExecuteAsync(RunSql.InsertParam, id, name, value);
            }

            await AddMetricsAndTagsAsync(connection, id, run.Metrics, run.Tags);
            foreach (var artifact in run.Artifacts)
            {
                await connection.ExecuteAsync(RunSql.InsertArtifact, id, artifact.Name, (long)artifact.Content.Length, Hashing.Sha256(artifact.Content.Span), artifact.Content);
            }

            var details = new JsonObject
            {
                ["experiment"] = run.Experiment,
                ["name"] = run.Name,
                ["parent"] = run.ParentRunId,
                ["status"] = run.Status.ToString(),
                ["artifacts"] = new JsonArray([.. run.Artifacts.Select(a => JsonValue.Create(a.Name))]),
            };
            await AuditAsync(connection, now, change, AuditActions.RunCreated, id, null, details);
            return (await LoadRunsAsync(connection, RunSql.SelectById, id))[0];
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<RunRecord> UpdateRunAsync(string runId, RunUpdate update, Change change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(change);
        return await WriteAsync(async connection =>
        {
            if (await connection.ScalarAsync<int?>(RunSql.LockRun, runId) is null)
            {
                throw RunNotFound(runId);
            }

            await connection.ExecuteAsync(RunSql.UpdateStatus, runId, update.Status.ToString(), StoreTime.Normalize(update.EndedAt));
            await AddMetricsAndTagsAsync(connection, runId, update.Metrics, update.Tags);
            var details = new JsonObject
            {
                ["status"] = update.Status.ToString(),
                ["ended_at"] = update.EndedAt is { } ended ? JsonValue.Create(StoreTime.Normalize(ended)) : null,
                ["metrics"] = new JsonArray([.. update.Metrics.Keys.Order(StringComparer.Ordinal).Select(k => JsonValue.Create(k))]),
                ["tags"] = new JsonArray([.. update.Tags.Keys.Order(StringComparer.Ordinal).Select(k => JsonValue.Create(k))]),
            };
            await AuditAsync(connection, Now(), change, AuditActions.RunUpdated, runId, null, details);
            return (await LoadRunsAsync(connection, RunSql.SelectById, runId))[0];
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<RunRecord?> FindRunAsync(string runIdOrPrefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runIdOrPrefix);
        var text = runIdOrPrefix.Trim().ToLowerInvariant();
        if (text.Length < MinimumPrefixLength || text.Length > 32 || !text.All(char.IsAsciiHexDigit))
        {
            return null;
        }

        return await ReadAsync(async connection =>
        {
            if (text.Length < 32)
            {
                var ids = await connection.QueryAsync(RunSql.SelectIdsByPrefix, r => r.GetString(0), text);
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

            return (await LoadRunsAsync(connection, RunSql.SelectById, text)).FirstOrDefault();
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<RunRecord>> ListRunsAsync(RunQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return await ReadAsync(async connection => await LoadRunsAsync(connection, RunSql.SelectMany, query.Experiment, query.ParentRunId, Math.Max(query.Limit, 0)), cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<byte[]?> ReadArtifactAsync(string runId, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(name);
        return await ReadAsync(async connection => await connection.ScalarAsync<byte[]>(RunSql.SelectArtifactContent, runId, name), cancellationToken);
    }

    private static async Task AddMetricsAndTagsAsync(PostgreSqlSession connection, string runId, IReadOnlyDictionary<string, double> metrics, IReadOnlyDictionary<string, string> tags)
    {
        foreach (var (name, value) in metrics)
        {
            await connection.ExecuteAsync(RunSql.UpsertMetric, runId, name, value);
        }

        foreach (var (name, value) in tags)
        {
            await connection.ExecuteAsync(RunSql.UpsertTag, runId, name, value);
        }
    }

    private GangwayException RunNotFound(string runId) =>
        new(ErrorKind.NotFound, $"Run '{runId}' does not exist in store '{DisplayUri}'.");

    private static Task<List<RunRecord>> LoadRunsAsync(PostgreSqlSession connection, string sql, params object?[] values) =>
        RunReader.LoadAsync(connection, sql, values);
}
