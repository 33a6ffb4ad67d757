namespace Gangway.Store.PostgreSql.Tests;

/// <summary>A fact that needs the test PostgreSQL server: skipped with the reason when there is none (outside CI).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when the server is not available.</summary>
    public PostgresFactAttribute()
    {
        Skip = TestServer.SkipReason!;
    }
}
