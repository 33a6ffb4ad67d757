namespace Gangway.Store.PostgreSql.Sql;

/// <summary>The SQL of the monitoring windows (<c>monitoring_buckets</c>, migration step 7).</summary>
internal static class MonitoringWindowSql
{
    private const string Columns = "model, kind, start_at, variant, replica, end_at, n, saved_at, state";

    // $1..$9 arrays in the order of Columns, already in key order: rows are inserted in array order (ordinality), so two
    // writers of the same buckets lock them in the same order and cannot deadlock.
    public const string Upsert =
        $"INSERT INTO monitoring_buckets AS b ({Columns}) " +
        $"SELECT {Columns} FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::timestamptz[], $7::bigint[], $8::timestamptz[], $9::text[]) " +
        $"WITH ORDINALITY AS u ({Columns}, position) ORDER BY position " +
        "ON CONFLICT (model, kind, start_at, variant, replica) DO UPDATE SET end_at = excluded.end_at, n = excluded.n, saved_at = excluded.saved_at, state = excluded.state";

    // $1 model, $2 kind, $3 since.
    public const string Select =
        $"SELECT {Columns} FROM monitoring_buckets WHERE model = $1 AND kind = $2 AND end_at > $3 ORDER BY start_at, variant, replica";

    public const string DeleteEndedBy = "DELETE FROM monitoring_buckets WHERE end_at <= $1";
}
