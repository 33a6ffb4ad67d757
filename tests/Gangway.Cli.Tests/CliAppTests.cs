namespace Gangway.Cli.Tests;

public sealed class CliAppTests
{
    [Fact]
    public void Help_UsageLine_NamesTheToolCommandNotTheAssembly()
    {
        var run = CliRun.Invoke("train", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("  gangway train [options]", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Gangway.Cli", run.Output, StringComparison.Ordinal);
    }
}
