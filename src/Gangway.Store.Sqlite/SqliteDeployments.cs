using System.Globalization;
using Gangway.Deployment;
using Gangway.Stores;
using Microsoft.Data.Sqlite;

namespace Gangway.Store.Sqlite;

/// <summary>
/// Deployment revisions in the store file. An apply is one <c>BEGIN IMMEDIATE</c> transaction, so concurrent applies
/// from any process take turns and never reuse a revision number.
/// </summary>
internal sealed class SqliteDeployments(SqliteDatabase database, TimeProvider time) : IDeploymentStore
{
    private const string Columns = "model, revision, applied_at, actor, reason, yaml";

    public async Task<DeploymentRevision> ApplyAsync(DeploymentSpec spec, Change change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(change);
        var yaml = DeploymentSpecWriter.ToYaml(spec);
        return await database.WriteAsync(transaction =>
        {
            var previous = Convert.ToInt32(
                transaction.Scalar("SELECT coalesce(max(revision), 0) FROM deployment_revisions WHERE model = $model", ("$model", spec.Model)),
                CultureInfo.InvariantCulture);
            var at = SqliteTime.ToText(time.GetUtcNow());
            transaction.Execute(
                $"INSERT INTO deployment_revisions ({Columns}) VALUES ($model, $revision, $at, $actor, $reason, $yaml)",
                ("$model", spec.Model), ("$revision", previous + 1), ("$at", at), ("$actor", change.Actor), ("$reason", change.Reason), ("$yaml", yaml));
            var details = AuditDetails.Write(change, json =>
            {
                json.WriteVersionOrNull("from", previous == 0 ? null : previous);
                json.WriteNumber("to", previous + 1);
                json.WriteString("yaml", yaml);
            });
            SqliteAudit.Append(transaction, SqliteTime.Parse(at), change, AuditActions.DeploymentApplied, $"deployment:{spec.Model}", spec.Model, details);
            return new DeploymentRevision(spec.Model, previous + 1, SqliteTime.Parse(at), change.Actor, change.Reason, yaml, spec);
        }, cancellationToken);
    }

    public async Task<DeploymentRevision?> GetAsync(string model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        return (await database.ReadAsync(
            transaction => Read(transaction, "WHERE model = $model ORDER BY revision DESC LIMIT 1", ("$model", model)),
            cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<DeploymentRevision>> ListAsync(CancellationToken cancellationToken) =>
        await database.ReadAsync(
            transaction => Read(
                transaction,
                "AS r WHERE revision = (SELECT max(revision) FROM deployment_revisions WHERE model = r.model) ORDER BY model"),
            cancellationToken);

    public async Task<IReadOnlyList<DeploymentRevision>> HistoryAsync(string model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        return await database.ReadAsync(
            transaction => Read(transaction, "WHERE model = $model ORDER BY revision DESC", ("$model", model)),
            cancellationToken);
    }

    private static List<DeploymentRevision> Read(SqliteTransaction transaction, string where, params (string Name, object? Value)[] parameters) =>
        transaction.Query(
            $"SELECT {Columns} FROM deployment_revisions {where}",
            reader => DeploymentRevision.FromStored(
                reader.GetString(0), reader.GetInt32(1), SqliteTime.Parse(reader.GetString(2)), reader.GetString(3), reader.NullableString(4), reader.GetString(5)),
            parameters);
}
