using System.CommandLine;

namespace Gangway.Cli.Infrastructure;

/// <summary>The <c>--json</c> option of listing and showing commands.</summary>
internal static class JsonOption
{
    public static Option<bool> Create() => new("--json") { Description = "Print JSON on standard output instead of a table." };
}
