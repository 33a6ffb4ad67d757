using System.Text.RegularExpressions;
using Gangway.Bundles;

namespace Gangway.Cli.Tests.Infrastructure;

public sealed partial class CliVersionTests
{
    [Fact]
    public void Version_Option_PrintsTheSemanticVersionOfTheCore()
    {
        var run = CliRun.Invoke("--version");

        Assert.True(run.ExitCode == 0, run.ToString());
        var printed = run.Output.Trim();
        Assert.Matches(SemanticVersion(), printed);
        Assert.Equal(GangwayVersion.Current, printed);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void Version_WithACommand_IsAUsageError()
    {
        var run = CliRun.Invoke("--version", "train");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
    }

    // semver.org's 2.0.0 grammar without build metadata: MAJOR.MINOR.PATCH[-PRERELEASE].
    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-(0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(\.(0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*)?$")]
    private static partial Regex SemanticVersion();
}
