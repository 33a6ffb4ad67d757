using System.Security.Cryptography;
using Gangway.Stores;

namespace Gangway.Store.Sqlite;

/// <summary>
/// A model store in one SQLite file. Each write is one <c>BEGIN IMMEDIATE</c> transaction that also appends its audit
/// entry. This file holds the runs and the audit log; <c>SqliteModelStore.Registry.cs</c> the versions and aliases.
/// </summary>
internal sealed partial class SqliteModelStore : IModelStore
{
    private const int MinimumPrefixLength = 6;
    private const int RunIdLength = 32;

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;

    public SqliteModelStore(SqliteDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    public string DisplayUri => _database.DisplayUri;

    public RunRecord CreateRun(NewRun run, Change change)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(change);
        var id = RandomNumberGenerator.GetHexString(RunIdLength, lowercase: true);
        return _database.Write(transaction =>
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
        });
    }

    public RunRecord UpdateRun(string runId, RunUpdate update, Change change)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(change);
        return _database.Write(transaction =>
        {
            if (!SqliteRuns.Exists(transaction, runId))
            {
                throw RunNotFound(runId);
            }

            SqliteRuns.Update(transaction, runId, update);
            var details = AuditDetails.Write(change, json =>
            {
                json.WriteString("status", update.Status.ToString());
                json.WriteStartObject("metrics");
                update.Metrics.ToList().ForEach(metric => json.WriteNumber(metric.Key, metric.Value));
                json.WriteEndObject();
                json.WriteStartObject("tags");
                update.Tags.ToList().ForEach(tag => json.WriteString(tag.Key, tag.Value));
                json.WriteEndObject();
            });
            SqliteAudit.Append(transaction, _time.GetUtcNow(), change, AuditActions.RunUpdated, runId, null, details);
            return SqliteRuns.Find(transaction, runId)!;
        });
    }

    public RunRecord? FindRun(string runIdOrPrefix)
    {
        ArgumentNullException.ThrowIfNull(runIdOrPrefix);
        var prefix = runIdOrPrefix.ToLowerInvariant();
        if (prefix.Length is < MinimumPrefixLength or > RunIdLength || !prefix.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        return _database.Read(transaction =>
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
        });
    }

    public IReadOnlyList<RunRecord> ListRuns(RunQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _database.Read(transaction => SqliteRuns.List(transaction, query));
    }

    public byte[]? ReadArtifact(string runId, string name)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(name);
        return _database.Read(transaction => SqliteRuns.ReadArtifact(transaction, runId, name));
    }

    public IReadOnlyList<AuditEntry> ListAudit(AuditQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _database.Read(transaction => SqliteAudit.List(transaction, query));
    }

    public void Dispose() => _database.Dispose();

    private GangwayException RunNotFound(string runId) =>
        new(ErrorKind.NotFound, $"Run '{runId}' does not exist in store '{DisplayUri}'.");
}
