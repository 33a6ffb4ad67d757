using Npgsql;

namespace Gangway.Store.PostgreSql.Tests;

/// <summary>
/// The PostgreSQL server the tests use: <c>GANGWAY_TEST_POSTGRES</c> (started by <c>.ci/postgres.sh start</c>). Without
/// it the tests are skipped with that reason, except in CI (<c>CI</c> set), where they fail: a missing server there is a
/// broken build, not a reason to pass.
/// </summary>
internal static class TestServer
{
    public const string Variable = "GANGWAY_TEST_POSTGRES";

    public static string? Uri => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } uri ? uri : null;

    public static bool InCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>Why the tests that need the server are skipped here, or null when they run (or must fail).</summary>
    public static string? SkipReason => Uri is null && !InCi
        ? $"PostgreSQL store tests need a server: {Variable} is not set. Run 'eval \"$(.ci/postgres.sh start)\"' first (or set it to postgresql://user@host:port/database)."
        : null;

    /// <summary>The server's URI.</summary>
    /// <exception cref="InvalidOperationException">It is not set (in CI).</exception>
    public static string RequireUri() => Uri ?? throw new InvalidOperationException(
        $"{Variable} is not set although CI is: the PostgreSQL server was not started (.ci/run starts it with .ci/postgres.sh).");

    /// <summary><paramref name="uri"/> with one more query option.</summary>
    public static string WithOption(string uri, string option) => uri + (uri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + option;

    /// <summary>Runs one statement as the server URI's user (to create and drop schemas, databases, ...).</summary>
    public static void Execute(string sql)
    {
        var settings = PostgreSqlUri.Parse(RequireUri());
        settings.Pooling = false;
        using var connection = new NpgsqlConnection(settings.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
