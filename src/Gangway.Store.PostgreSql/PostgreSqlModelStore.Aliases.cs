using System.Text.Json.Nodes;
using Gangway.Store.PostgreSql.Sql;
using Gangway.Stores;
using Npgsql;

namespace Gangway.Store.PostgreSql;

/// <summary>Aliases: a pointer per name, a stack of the versions it was set to (for rollback) and the change history.</summary>
internal sealed partial class PostgreSqlModelStore
{
    /// <inheritdoc/>
    public AliasChange SetAlias(string model, string aliasName, int version, Change change)
    {
        RequireName("Model", model);
        RequireName("Alias", aliasName);
        ArgumentNullException.ThrowIfNull(change);
        return Write(connection =>
        {
            LockModel(connection, model);
            if (connection.Scalar<int?>(RegistrySql.VersionExists, model, version) is null)
            {
                throw VersionNotFound(model, version);
            }

            var previous = connection.Scalar<int?>(AliasSql.SelectCurrent, model, aliasName);
            connection.Execute(AliasSql.Upsert, model, aliasName, version);
            connection.Execute(AliasSql.Push, model, aliasName, version);
            return Record(connection, model, aliasName, version, previous, AliasChange.Set, change);
        });
    }

    /// <inheritdoc/>
    public AliasChange RollbackAlias(string model, string aliasName, Change change)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(aliasName);
        ArgumentNullException.ThrowIfNull(change);
        return Write(connection =>
        {
            LockModel(connection, model);
            var top = connection.Query(AliasSql.SelectTopTwo, r => (Position: r.GetInt32(0), Version: r.GetInt32(1)), model, aliasName);
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

            connection.Execute(AliasSql.Pop, model, aliasName, top[0].Position);
            connection.Execute(AliasSql.Upsert, model, aliasName, top[1].Version);
            return Record(connection, model, aliasName, top[1].Version, top[0].Version, AliasChange.Rollback, change);
        });
    }

    /// <inheritdoc/>
    public int? ResolveAlias(string model, string aliasName)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(aliasName);
        return Read(connection => connection.Scalar<int?>(AliasSql.SelectCurrent, model, aliasName));
    }

    /// <inheritdoc/>
    public IReadOnlyList<AliasChange> AliasHistory(string model, string? aliasName = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Read(connection => connection.Query(
            AliasSql.SelectHistory,
            r => new AliasChange(r.GetString(0), r.GetString(1), r.GetInt32(2), r.Int32OrNull(3), r.GetString(4), r.Timestamp(5), r.GetString(6), r.StringOrNull(7)),
            model,
            aliasName));
    }

    // Aliases change only under the model row's lock, like registrations, so concurrent changes see each other.
    private static void LockModel(NpgsqlConnection connection, string model) =>
        connection.Execute(RegistrySql.LockModel, model);

    private AliasChange Record(NpgsqlConnection connection, string model, string aliasName, int version, int? previous, string kind, Change change)
    {
        var now = Now();
        connection.Execute(AliasSql.InsertChange, model, aliasName, version, previous, kind, now, change.Actor, change.Reason);
        var action = kind == AliasChange.Set ? AuditActions.AliasSet : AuditActions.AliasRolledBack;
        Audit(connection, now, change, action, $"{model}@{aliasName}", model, new JsonObject { ["from"] = previous, ["to"] = version });
        return new AliasChange(model, aliasName, version, previous, kind, now, change.Actor, change.Reason);
    }
}
