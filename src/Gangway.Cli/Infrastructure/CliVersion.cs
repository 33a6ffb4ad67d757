using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace Gangway.Cli.Infrastructure;

/// <summary>
/// What <c>gangway --version</c> prints: the tool's semantic version as set by MinVer from the git tag
/// (e.g. <c>1.2.3</c> or <c>0.1.0-alpha.0.12</c>), without the <c>+commit</c> build metadata the SDK appends.
/// </summary>
/// <remarks>
/// Replaces System.CommandLine's built-in action, which prints the entry assembly's full informational version:
/// with the metadata, and the test host's version when the command tree runs in-process.
/// </remarks>
internal sealed class CliVersion : SynchronousCommandLineAction
{
    public static string Current { get; } = Semantic(
        typeof(CliVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);

    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(Current);
        return ExitCodes.Success;
    }

    private static string Semantic(string? informational)
    {
        if (string.IsNullOrWhiteSpace(informational))
        {
            return "0.0.0";
        }

        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return (plus < 0 ? informational : informational[..plus]).Trim();
    }
}
