using Gangway.Stores;
using Microsoft.Data.Sqlite;

namespace Gangway.Store.Sqlite;

/// <summary>The monitoring windows of a SQLite store (<c>monitoring_buckets</c>, migration 0007), on the store's own connection.</summary>
internal sealed class SqliteMonitoringWindows(SqliteDatabase database) : IMonitoringWindowStore
{
    private const string Columns = "model, kind, start, variant, replica, end_at, n, saved_at, state";

    private static readonly string[] UpsertParameters = ["$model", "$kind", "$start", "$variant", "$replica", "$end", "$n", "$saved", "$state"];

    public async Task SaveAsync(IReadOnlyList<MonitoringBucket> buckets, CancellationToken cancellationToken)
    {
        var ordered = MonitoringBucket.InSaveOrder(buckets);
        if (ordered.Count == 0)
        {
            return;
        }

        await database.WriteAsync(transaction => Upsert(transaction, ordered), cancellationToken);
    }

    public async Task<IReadOnlyList<MonitoringBucket>> ReadAsync(string model, string kind, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        return await database.ReadAsync(
            transaction => transaction.Query(
                $"SELECT {Columns} FROM monitoring_buckets WHERE model = $model AND kind = $kind AND end_at > $since ORDER BY start, variant, replica",
                reader => new MonitoringBucket(
                    reader.GetString(0), reader.GetString(1), reader.GetString(3), reader.GetString(4), SqliteTime.Parse(reader.GetString(2)),
                    SqliteTime.Parse(reader.GetString(5)), reader.GetInt64(6), reader.GetString(8), SqliteTime.Parse(reader.GetString(7))),
                ("$model", model), ("$kind", kind), ("$since", SqliteTime.ToText(since))),
            cancellationToken);
    }

    public async Task<long> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        await database.WriteAsync(
            transaction => transaction.Execute("DELETE FROM monitoring_buckets WHERE end_at <= $cutoff", ("$cutoff", SqliteTime.ToText(cutoff))),
            cancellationToken);

    private static int Upsert(SqliteTransaction transaction, IReadOnlyList<MonitoringBucket> buckets)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"INSERT INTO monitoring_buckets ({Columns}) VALUES ({string.Join(", ", UpsertParameters)}) " +
            "ON CONFLICT (model, kind, start, variant, replica) DO UPDATE SET end_at = excluded.end_at, n = excluded.n, saved_at = excluded.saved_at, state = excluded.state";
        var parameters = UpsertParameters.Select(name => command.Parameters.Add(new SqliteParameter(name, null))).ToArray();
        foreach (var bucket in buckets)
        {
            parameters[0].Value = bucket.Model;
            parameters[1].Value = bucket.Kind;
            parameters[2].Value = SqliteTime.ToText(bucket.Start);
            parameters[3].Value = bucket.Variant;
            parameters[4].Value = bucket.Replica;
            parameters[5].Value = SqliteTime.ToText(bucket.End);
            parameters[6].Value = bucket.Count;
            parameters[7].Value = SqliteTime.ToText(bucket.SavedAt);
            parameters[8].Value = bucket.State;
            command.ExecuteNonQuery();
        }

        return buckets.Count;
    }
}
