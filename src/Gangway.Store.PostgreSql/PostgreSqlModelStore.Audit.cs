using System.Text.Json.Nodes;
using Gangway.Store.PostgreSql.Sql;
using Gangway.Stores;
using Npgsql;

namespace Gangway.Store.PostgreSql;

/// <summary>The audit log: one entry per write, in the write's transaction.</summary>
internal sealed partial class PostgreSqlModelStore
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<AuditEntry>> ListAuditAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return await ReadAsync(async connection => await connection.QueryAsync(
            AuditSql.SelectMany,
            r => new AuditEntry(r.GetInt64(0), r.Timestamp(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.StringOrNull(6)),
            query.Model,
            Math.Max(query.Limit, 0)), cancellationToken);
    }

    private static async Task AuditAsync(PostgreSqlSession connection, DateTimeOffset at, Change change, string action, string subject, string? model, JsonObject details) =>
        await connection.ExecuteAsync(AuditSql.Insert, at, change.Actor, action, subject, model, AuditDetails.Of(details, change), change.Reason);
}
