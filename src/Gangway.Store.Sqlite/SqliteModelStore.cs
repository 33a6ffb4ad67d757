using System.Security.Cryptography;
using Gangway.Stores;

namespace Gangway.Store.Sqlite;

/// <summary>
/// A store in one SQLite file, which is its own <see cref="IRunStore"/> and <see cref="IModelRegistry"/> (the prediction log and feedback are in <see cref="SqlitePredictionLogStore"/>). Each write is one <c>BEGIN IMMEDIATE</c> transaction that also appends its audit
/// entry. This file holds the runs and the audit log; <c>SqliteModelStore.Registry.cs</c> the versions and aliases.
/// </summary>
internal sealed partial class SqliteModelStore : IStore, IRunStore, IModelRegistry
{
    private const int MinimumPrefixLength = 6;
    private const int RunIdLength = 32;

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly SqlitePredictionLogStore _predictionLog;

    public SqliteModelStore(SqliteDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
        Deployments = new SqliteDeployments(database, time);
        _predictionLog = new SqlitePredictionLogStore(database);
        MonitoringWindows = new SqliteMonitoringWindows(database);
    }

    public string DisplayUri => _database.DisplayUri;

    public async Task<RunRecord> CreateRunAsync(NewRun run, Change change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(change);
        var id = RandomNumberGenerator.GetHexString(RunIdLength, lowercase: true);
        return await _database.WriteAsync(transaction =>
        {
            if (run.ParentRunId is { } parent && !SqliteRuns.Exists(transaction, parent))
            {
                throw new GangwayException(ErrorKind.NotFound, $"Parent run '{parent}' does not exist in store '{DisplayUri}'.");
            }

            SqliteRuns.Insert(transaction, id, run, change.Actor);
            var details = AuditDetails.Write(change, json =>
            {
                json.WriteString("experiment", run.Experiment);
                json.WriteString("name", run.Name);
                json.WriteString("status", run.Status.ToString());
                json.WriteStartArray("artifacts");
                run.Artifacts.ToList().ForEach(artifact => json.WriteStringValue(artifact.Name));
                json.WriteEndArray();
            });
            SqliteAudit.Append(transaction, _time.GetUtcNow(), change, AuditActions.RunCreated, id, null, details);
            return SqliteRuns.Find(transaction, id)!;
        }, cancellationToken);
    }

    public async Task<RunRecord> UpdateRunAsync(string runId, RunUpdate update, Change change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(change);
        return await _database.WriteAsync(transaction =>
        {
            if (!SqliteRuns.Exists(transaction, runId))
            {
                throw RunNotFound(runId);
            }

            SqliteRuns.Update(transaction, runId, update);
            var details = AuditDetails.Write(change, json =>
            {
                json.WriteString("status", update.Status.ToString());
                // Names only: metric values may be NaN, which JSON cannot hold, and both are on the run itself.
                json.WriteStartArray("metrics");
                update.Metrics.Keys.Order(StringComparer.Ordinal).ToList().ForEach(json.WriteStringValue);
                json.WriteEndArray();
                json.WriteStartArray("tags");
                update.Tags.Keys.Order(StringComparer.Ordinal).ToList().ForEach(json.WriteStringValue);
                json.WriteEndArray();
            });
            SqliteAudit.Append(transaction, _time.GetUtcNow(), change, AuditActions.RunUpdated, runId, null, details);
            return SqliteRuns.Find(transaction, runId)!;
        }, cancellationToken);
    }

    public async Task<RunRecord?> FindRunAsync(string runIdOrPrefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runIdOrPrefix);
        var prefix = runIdOrPrefix.ToLowerInvariant();
        if (prefix.Length is < MinimumPrefixLength or > RunIdLength || !prefix.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        return await _database.ReadAsync(transaction =>
        {
            var ids = SqliteRuns.IdsStartingWith(transaction, prefix, limit: 3);
            return ids.Count switch
            {
                0 => null,
                1 => SqliteRuns.Find(transaction, ids[0]),
                _ => throw new GangwayException(
                    ErrorKind.InvalidInput,
                    $"Run id prefix '{runIdOrPrefix}' matches several runs in store '{DisplayUri}' ({string.Join(", ", ids.Take(2))}{(ids.Count > 2 ? ", ..." : "")}); give more characters."),
            };
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<RunRecord>> ListRunsAsync(RunQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return await _database.ReadAsync(transaction => SqliteRuns.List(transaction, query), cancellationToken);
    }

    public async Task<byte[]?> ReadArtifactAsync(string runId, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(name);
        return await _database.ReadAsync(transaction => SqliteRuns.ReadArtifact(transaction, runId, name), cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAuditAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return await _database.ReadAsync(transaction => SqliteAudit.List(transaction, query), cancellationToken);
    }

    public IRunStore Runs => this;

    public IModelRegistry Registry => this;

    public IDeploymentStore Deployments { get; }

    public IPredictionLogStore PredictionLog => _predictionLog;

    public IFeedbackStore Feedback => _predictionLog;

    public IMonitoringWindowStore MonitoringWindows { get; }

    public ValueTask DisposeAsync()
    {
        _database.Dispose();
        return ValueTask.CompletedTask;
    }

    private GangwayException RunNotFound(string runId) =>
        new(ErrorKind.NotFound, $"Run '{runId}' does not exist in store '{DisplayUri}'.");
}
