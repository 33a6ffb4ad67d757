namespace Gangway.Cli.Tests.Replicas;

/// <summary>
/// A fact that needs nginx and the test PostgreSQL server (<c>GANGWAY_TEST_POSTGRES</c>): skipped with the reason when
/// either is missing, except in CI (<c>CI</c> set), where the test runs and fails: <c>.ci/run</c> installs nginx and starts
/// PostgreSQL, so a missing one there is a broken build, not a reason to pass.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ReplicasFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when nginx or the server is missing outside CI.</summary>
    public ReplicasFactAttribute()
    {
        Skip = SkipReason!;
    }

    /// <summary>Why the replica tests cannot run here, or null when they run (or must fail, in CI).</summary>
    public static string? SkipReason => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")) ? null : MissingReason;

    /// <summary>What is missing for the replica tests, or null when nothing is.</summary>
    public static string? MissingReason =>
        Nginx.FindExecutable() is null ? "The replica tests need nginx (apt-get install nginx); it is not on PATH nor in /usr/sbin."
        : Environment.GetEnvironmentVariable(PostgresSchema.Variable) is not { Length: > 0 }
            ? $"The replica tests need a PostgreSQL server: {PostgresSchema.Variable} is not set. Run 'eval \"$(.ci/postgres.sh start)\"' first."
            : null;
}
