using Gangway.Stores;
using Microsoft.Data.Sqlite;

namespace Gangway.Store.Sqlite;

/// <summary>The SQL for the audit log.</summary>
internal static class SqliteAudit
{
    /// <summary>Appends an entry; <paramref name="model"/> is the model it is about, for <see cref="AuditQuery.Model"/>.</summary>
    public static void Append(SqliteTransaction transaction, DateTimeOffset at, Change change, string action, string subject, string? model, string details) =>
        transaction.Execute(
            "INSERT INTO audit_log (at, actor, action, subject, model, details, reason) VALUES ($at, $actor, $action, $subject, $model, $details, $reason)",
            ("$at", SqliteTime.ToText(at)), ("$actor", change.Actor), ("$action", action), ("$subject", subject),
            ("$model", model), ("$details", details), ("$reason", change.Reason));

    public static List<AuditEntry> List(SqliteTransaction transaction, AuditQuery query) =>
        transaction.Query(
            "SELECT id, at, actor, action, subject, details, reason FROM audit_log WHERE $model IS NULL OR model = $model ORDER BY id DESC LIMIT $limit",
            reader => new AuditEntry(
                reader.GetInt64(0), SqliteTime.Parse(reader.GetString(1)), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.NullableString(6)),
            ("$model", query.Model), ("$limit", Math.Max(0, query.Limit)));
}
