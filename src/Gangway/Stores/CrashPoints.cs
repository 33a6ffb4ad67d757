using System.Diagnostics;

namespace Gangway.Stores;

/// <summary>
/// Fault injection for crash-safety tests: when the environment variable <see cref="EnvironmentVariable"/> names a point,
/// the process kills itself (SIGKILL on Unix) when it reaches that point, exactly as an operator's <c>kill -9</c> would.
/// Unset in normal use, where <see cref="Hit"/> does nothing.
/// </summary>
public static class CrashPoints
{
    /// <summary>The environment variable naming the point to die at.</summary>
    public const string EnvironmentVariable = "GANGWAY_CRASH_AT";

    /// <summary>Inside a store write transaction: every statement done, nothing committed.</summary>
    public const string BeforeCommit = "store-before-commit";

    private static readonly string? Target = Environment.GetEnvironmentVariable(EnvironmentVariable);

    /// <summary>Kills the process when <paramref name="point"/> is the configured one.</summary>
    public static void Hit(string point)
    {
        if (Target is not null && string.Equals(Target, point, StringComparison.Ordinal))
        {
            using var self = Process.GetCurrentProcess();
            self.Kill();
        }
    }
}
