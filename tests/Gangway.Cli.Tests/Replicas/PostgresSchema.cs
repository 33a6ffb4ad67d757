using Npgsql;

namespace Gangway.Cli.Tests.Replicas;

/// <summary>A fresh, empty schema on the test PostgreSQL server (<c>GANGWAY_TEST_POSTGRES</c>), dropped with everything in it on dispose.</summary>
internal sealed class PostgresSchema : IDisposable
{
    public const string Variable = "GANGWAY_TEST_POSTGRES";

    private readonly string _server;

    public PostgresSchema(string prefix)
    {
        _server = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException($"{Variable} is not set although CI is: the PostgreSQL server was not started (.ci/run starts it with .ci/postgres.sh).");
        Name = prefix + Guid.NewGuid().ToString("N")[..12];
        Execute($"CREATE SCHEMA {Name}");
        Uri = _server + (_server.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "search_path=" + Name;
    }

    public string Name { get; }

    /// <summary>The server URI with <c>search_path</c> set to the schema: a store opened by it lives in the schema.</summary>
    public string Uri { get; }

    public void Dispose() => Execute($"DROP SCHEMA IF EXISTS {Name} CASCADE");

    private void Execute(string sql)
    {
        var parsed = new Uri(_server);
        var user = System.Uri.UnescapeDataString(parsed.UserInfo.Split(':')[0]);
        var password = parsed.UserInfo.Contains(':', StringComparison.Ordinal) ? System.Uri.UnescapeDataString(parsed.UserInfo.Split(':', 2)[1]) : null;
        var settings = new NpgsqlConnectionStringBuilder
        {
            Host = parsed.Host,
            Port = parsed.Port > 0 ? parsed.Port : 5432,
            Username = user,
            Password = password,
            Database = parsed.AbsolutePath.TrimStart('/'),
            Pooling = false,
        };
        using var connection = new NpgsqlConnection(settings.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
