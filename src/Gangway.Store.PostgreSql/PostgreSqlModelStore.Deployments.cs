using System.Text.Json.Nodes;
using Gangway.Deployment;
using Gangway.Store.PostgreSql.Sql;
using Gangway.Stores;
using Npgsql;

namespace Gangway.Store.PostgreSql;

/// <summary>Deployments: numbered revisions per model, the newest current; each apply audited in its transaction.</summary>
internal sealed partial class PostgreSqlModelStore : IDeploymentStore
{
    /// <inheritdoc/>
    public IDeploymentStore Deployments => this;

    /// <inheritdoc/>
    public async Task<DeploymentRevision> ApplyAsync(DeploymentSpec spec, Change change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(change);
        var yaml = DeploymentSpecWriter.ToYaml(spec);
        return await WriteAsync(async connection =>
        {
            await connection.ExecuteAsync(DeploymentSql.LockModel, spec.Model);
            var previous = await connection.ScalarAsync<int>(DeploymentSql.SelectLatestNumber, spec.Model);
            var now = Now();
            await connection.ExecuteAsync(DeploymentSql.Insert, spec.Model, previous + 1, now, change.Actor, change.Reason, yaml);
            var details = new JsonObject { ["from"] = previous == 0 ? null : previous, ["to"] = previous + 1, ["yaml"] = yaml };
            await AuditAsync(connection, now, change, AuditActions.DeploymentApplied, $"deployment:{spec.Model}", spec.Model, details);
            return new DeploymentRevision(spec.Model, previous + 1, now, change.Actor, change.Reason, yaml, spec);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<DeploymentRevision?> GetAsync(string model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        return (await ReadAsync(async connection => await connection.QueryAsync(DeploymentSql.SelectCurrent, ReadRevision, model), cancellationToken))
            .SingleOrDefault();
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<DeploymentRevision>> ListAsync(CancellationToken cancellationToken) =>
        await ReadAsync(async connection => await connection.QueryAsync(DeploymentSql.SelectAllCurrent, ReadRevision), cancellationToken);

    /// <inheritdoc/>
    public async Task<IReadOnlyList<DeploymentRevision>> HistoryAsync(string model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        return await ReadAsync(async connection => await connection.QueryAsync(DeploymentSql.SelectHistory, ReadRevision, model), cancellationToken);
    }

    private static DeploymentRevision ReadRevision(NpgsqlDataReader r) =>
        DeploymentRevision.FromStored(r.GetString(0), r.GetInt32(1), r.Timestamp(2), r.GetString(3), r.StringOrNull(4), r.GetString(5));
}
