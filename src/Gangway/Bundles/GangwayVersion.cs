using System.Reflection;

namespace Gangway.Bundles;

/// <summary>The version of the Gangway library that is running, as recorded in bundles and lineage.</summary>
public static class GangwayVersion
{
    /// <summary>
    /// The semantic version from the assembly's <see cref="AssemblyInformationalVersionAttribute"/> (set by MinVer from the
    /// git tag, e.g. <c>1.2.0</c> or <c>0.1.0-alpha.0.5</c>), without any <c>+build-metadata</c> suffix such as a commit id,
    /// so the same release reports the same version on every machine. "0.0.0" when the attribute is absent.
    /// </summary>
    public static string Current { get; } = FromInformational(
        typeof(GangwayVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);

    internal static string FromInformational(string? informational)
    {
        if (string.IsNullOrWhiteSpace(informational))
        {
            return "0.0.0";
        }

        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return (plus < 0 ? informational : informational[..plus]).Trim();
    }
}
