using System.Text.Json.Nodes;
using Gangway.Store.PostgreSql.Sql;
using Gangway.Stores;
using Npgsql;

namespace Gangway.Store.PostgreSql;

/// <summary>Aliases: a pointer per name, a stack of the versions it was set to (for rollback) and the change history.</summary>
internal sealed partial class PostgreSqlModelStore
{
    /// <inheritdoc/>
    public async Task<AliasChange> SetAliasAsync(string model, string aliasName, int version, Change change, CancellationToken cancellationToken)
    {
        RequireName("Model", model);
        RequireName("Alias", aliasName);
        ArgumentNullException.ThrowIfNull(change);
        return await WriteAsync(async connection =>
        {
            await LockModelAsync(connection, model);
            if (await connection.ScalarAsync<int?>(RegistrySql.VersionExists, model, version) is null)
            {
                throw VersionNotFound(model, version);
            }

            var previous = await connection.ScalarAsync<int?>(AliasSql.SelectCurrent, model, aliasName);
            await connection.ExecuteAsync(AliasSql.Upsert, model, aliasName, version);
            await connection.ExecuteAsync(AliasSql.Push, model, aliasName, version);
            return await RecordAsync(connection, model, aliasName, version, previous, AliasChange.Set, change);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<AliasChange> RollbackAliasAsync(string model, string aliasName, Change change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(aliasName);
        ArgumentNullException.ThrowIfNull(change);
        return await WriteAsync(async connection =>
        {
            await LockModelAsync(connection, model);
            var top = await connection.QueryAsync(AliasSql.SelectTopTwo, r => (Position: r.GetInt32(0), Version: r.GetInt32(1)), model, aliasName);
            if (top.Count == 0)
            {
                throw new GangwayException(ErrorKind.NotFound, $"Model '{model}' has no alias '{aliasName}' in store '{DisplayUri}'.");
            }

            if (top.Count == 1)
            {
                throw new GangwayException(
                    ErrorKind.InvalidInput,
                    $"Alias '{model}@{aliasName}' has no earlier version to roll back to; it points at version {top[0].Version}.");
            }

            await connection.ExecuteAsync(AliasSql.Pop, model, aliasName, top[0].Position);
            await connection.ExecuteAsync(AliasSql.Upsert, model, aliasName, top[1].Version);
            return await RecordAsync(connection, model, aliasName, top[1].Version, top[0].Version, AliasChange.Rollback, change);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<int?> ResolveAliasAsync(string model, string aliasName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(aliasName);
        return await ReadAsync(async connection => await connection.ScalarAsync<int?>(AliasSql.SelectCurrent, model, aliasName), cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<AliasChange>> AliasHistoryAsync(string model, string? aliasName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        return await ReadAsync(async connection => await connection.QueryAsync(
            AliasSql.SelectHistory,
            r => new AliasChange(r.GetString(0), r.GetString(1), r.GetInt32(2), r.Int32OrNull(3), r.GetString(4), r.Timestamp(5), r.GetString(6), r.StringOrNull(7)),
            model,
            aliasName), cancellationToken);
    }

    // Aliases change only under the model row's lock, like registrations, so concurrent changes see each other.
    private static async Task LockModelAsync(PostgreSqlSession connection, string model) =>
        await connection.ExecuteAsync(RegistrySql.LockModel, model);

    private async Task<AliasChange> RecordAsync(PostgreSqlSession connection, string model, string aliasName, int version, int? previous, string kind, Change change)
    {
        var now = Now();
        await connection.ExecuteAsync(AliasSql.InsertChange, model, aliasName, version, previous, kind, now, change.Actor, change.Reason);
        var action = kind == AliasChange.Set ? AuditActions.AliasSet : AuditActions.AliasRolledBack;
        await AuditAsync(connection, now, change, action, $"{model}@{aliasName}", model, new JsonObject { ["from"] = previous, ["to"] = version });
        return new AliasChange(model, aliasName, version, previous, kind, now, change.Actor, change.Reason);
    }
}
