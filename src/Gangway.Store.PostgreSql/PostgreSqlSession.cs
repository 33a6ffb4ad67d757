using Npgsql;

namespace Gangway.Store.PostgreSql;

/// <summary>
/// One open connection (in its transaction, if any) and the caller's cancellation token, so that each statement of a
/// read or write is one asynchronous call with positional parameters (<c>$1</c>, <c>$2</c>, ...), the form the SQL
/// files use.
/// </summary>
internal sealed class PostgreSqlSession(NpgsqlConnection connection, CancellationToken cancellationToken)
{
    /// <summary>The token every statement of this session observes.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Runs a statement; returns the number of rows it changed.</summary>
    public async Task<int> ExecuteAsync(string sql, params object?[] values)
    {
        await using var command = connection.Command(sql, values);
        return await command.ExecuteNonQueryAsync(CancellationToken);
    }

    /// <summary>The first column of the first row, or default when there is no row (or it is null).</summary>
    public async Task<T?> ScalarAsync<T>(string sql, params object?[] values)
    {
        await using var command = connection.Command(sql, values);
        var value = await command.ExecuteScalarAsync(CancellationToken);
        return value is null or DBNull ? default : (T)value;
    }

    /// <summary>Reads every row with <paramref name="read"/>.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, params object?[] values)
    {
        await using var command = connection.Command(sql, values);
        await using var reader = await command.ExecuteReaderAsync(CancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(CancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
