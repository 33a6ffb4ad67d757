using Gangway.Store.PostgreSql.Sql;
using Gangway.Stores;
using Npgsql;

namespace Gangway.Store.PostgreSql;

/// <summary>Reads runs with their parameters, metrics, tags and artifact infos in five queries, whatever their number.</summary>
internal static class RunReader
{
    /// <summary>The runs <paramref name="sql"/> selects (in its order), complete.</summary>
    public static async Task<List<RunRecord>> LoadAsync(PostgreSqlSession connection, string sql, object?[] values)
    {
        var rows = await connection.QueryAsync(
            sql,
            r => (Id: r.GetString(0), Experiment: r.GetString(1), Name: r.GetString(2), Parent: r.StringOrNull(3), Status: Enum.Parse<RunStatus>(r.GetString(4)),
                StartedAt: r.Timestamp(5), EndedAt: r.IsDBNull(6) ? (DateTimeOffset?)null : r.Timestamp(6), CreatedBy: r.GetString(7), Lineage: r.StringOrNull(8)),
            values);
        if (rows.Count == 0)
        {
            return [];
        }

        // One parameter holding the array (a string[] would otherwise spread over the params array).
        object ids = rows.Select(r => r.Id).ToArray();
        var parameters = await GroupAsync(connection, RunSql.SelectParams, ids, r => r.GetString(2));
        var metrics = await GroupAsync(connection, RunSql.SelectMetrics, ids, r => r.GetDouble(2));
        var tags = await GroupAsync(connection, RunSql.SelectTags, ids, r => r.GetString(2));
        var artifacts = (await connection.QueryAsync(RunSql.SelectArtifactInfos, r => (RunId: r.GetString(0), Info: new ArtifactInfo(r.GetString(1), r.GetInt64(2), r.GetString(3))), ids))
            .ToLookup(a => a.RunId, a => a.Info);
        return
        [
            .. rows.Select(r => new RunRecord(
                r.Id, r.Experiment, r.Name, r.Parent, r.Status, r.StartedAt, r.EndedAt, r.CreatedBy,
                parameters.GetValueOrDefault(r.Id) ?? Empty<string>(),
                metrics.GetValueOrDefault(r.Id) ?? Empty<double>(),
                tags.GetValueOrDefault(r.Id) ?? Empty<string>(),
                r.Lineage,
                [.. artifacts[r.Id]])),
        ];
    }

    private static async Task<Dictionary<string, IReadOnlyDictionary<string, T>>> GroupAsync<T>(PostgreSqlSession connection, string sql, object ids, Func<NpgsqlDataReader, T> value)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, T>>(StringComparer.Ordinal);
        foreach (var (runId, name, item) in await connection.QueryAsync(sql, r => (r.GetString(0), r.GetString(1), value(r)), ids))
        {
            if (!result.TryGetValue(runId, out var values))
            {
                values = new Dictionary<string, T>(StringComparer.Ordinal);
                result[runId] = values;
            }

            ((Dictionary<string, T>)values)[name] = item;
        }

        return result;
    }

    private static Dictionary<string, T> Empty<T>() => new(StringComparer.Ordinal);
}
