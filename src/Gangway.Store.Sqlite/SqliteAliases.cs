using Gangway.Stores;
using Microsoft.Data.Sqlite;

namespace Gangway.Store.Sqlite;

/// <summary>The SQL for aliases: where each points now, and every change, oldest first.</summary>
internal static class SqliteAliases
{
    private const string ChangeColumns = "model, alias, version, previous_version, kind, changed_at, actor, reason";

    public static int? Resolve(SqliteTransaction transaction, string model, string alias) =>
        transaction.Scalar("SELECT version FROM aliases WHERE model = $model AND alias = $alias", ("$model", model), ("$alias", alias)) is { } version
            ? Convert.ToInt32(version, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    public static List<AliasChange> History(SqliteTransaction transaction, string model, string? alias) =>
        transaction.Query(
            $"SELECT {ChangeColumns} FROM alias_changes WHERE model = $model AND ($alias IS NULL OR alias = $alias) ORDER BY seq",
            reader => new AliasChange(
                reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.NullableInt32(3), reader.GetString(4),
                SqliteTime.Parse(reader.GetString(5)), reader.GetString(6), reader.NullableString(7)),
            ("$model", model), ("$alias", alias));

    /// <summary>The versions an alias went through, as a stack: a set pushes, a rollback pops; the top is the current version.</summary>
    public static List<int> Stack(SqliteTransaction transaction, string model, string alias)
    {
        var stack = new List<int>();
        foreach (var change in History(transaction, model, alias))
        {
            if (change.Kind == AliasChange.Rollback && stack.Count > 0)
            {
                stack.RemoveAt(stack.Count - 1);
            }
            else if (change.Kind == AliasChange.Set)
            {
                stack.Add(change.Version);
            }
        }

        return stack;
    }

    /// <summary>Points the alias at the change's version and appends the change to the history.</summary>
    public static AliasChange Record(SqliteTransaction transaction, AliasChange change)
    {
        transaction.Execute(
            "INSERT INTO aliases (model, alias, version) VALUES ($model, $alias, $version) ON CONFLICT (model, alias) DO UPDATE SET version = excluded.version",
            ("$model", change.Model), ("$alias", change.Alias), ("$version", change.Version));
        var at = SqliteTime.ToText(change.ChangedAt);
        transaction.Execute(
            $"INSERT INTO alias_changes ({ChangeColumns}) VALUES ($model, $alias, $version, $previous, $kind, $at, $actor, $reason)",
            ("$model", change.Model), ("$alias", change.Alias), ("$version", change.Version), ("$previous", change.PreviousVersion),
            ("$kind", change.Kind), ("$at", at), ("$actor", change.Actor), ("$reason", change.Reason));
        return change with { ChangedAt = SqliteTime.Parse(at) };
    }
}
