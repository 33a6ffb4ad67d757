using Gangway.Store.PostgreSql.Sql;
using Gangway.Stores;
using Npgsql;

namespace Gangway.Store.PostgreSql;

/// <summary>
/// The monitoring windows of a PostgreSQL store: a batch of buckets is one upsert statement in key order, each call on a
/// pooled connection of its own.
/// </summary>
internal sealed class PostgreSqlMonitoringWindows(NpgsqlDataSource dataSource, string displayUri) : IMonitoringWindowStore
{
    public async Task SaveAsync(IReadOnlyList<MonitoringBucket> buckets, CancellationToken cancellationToken)
    {
        var ordered = MonitoringBucket.InSaveOrder(buckets);
        if (ordered.Count == 0)
        {
            return;
        }

        await RunAsync(
            session => session.ExecuteAsync(
                MonitoringWindowSql.Upsert,
                ordered.Select(b => b.Model).ToArray(),
                ordered.Select(b => b.Kind).ToArray(),
                ordered.Select(b => b.Start.UtcDateTime).ToArray(),
                ordered.Select(b => b.Variant).ToArray(),
                ordered.Select(b => b.Replica).ToArray(),
                ordered.Select(b => b.End.UtcDateTime).ToArray(),
                ordered.Select(b => b.Count).ToArray(),
                ordered.Select(b => b.SavedAt.UtcDateTime).ToArray(),
                ordered.Select(b => b.State).ToArray()),
            cancellationToken);
    }

    public async Task<IReadOnlyList<MonitoringBucket>> ReadAsync(string model, string kind, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        return await RunAsync(
            session => session.QueryAsync(
                MonitoringWindowSql.Select,
                r => new MonitoringBucket(
                    r.GetString(0), r.GetString(1), r.GetString(3), r.GetString(4), r.Timestamp(2), r.Timestamp(5), r.GetInt64(6), r.GetString(8), r.Timestamp(7)),
                model, kind, since.UtcDateTime),
            cancellationToken);
    }

    public async Task<long> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        await RunAsync(session => session.ExecuteAsync(MonitoringWindowSql.DeleteEndedBy, cutoff.UtcDateTime), cancellationToken);

    // One statement per call, so its implicit transaction is the call's: all of a batch or none of it.
    private async Task<T> RunAsync<T>(Func<PostgreSqlSession, Task<T>> run, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            return await run(new PostgreSqlSession(connection, cancellationToken));
        }
        catch (NpgsqlException e)
        {
            throw PostgreSqlErrors.Failed(displayUri, e);
        }
    }
}
