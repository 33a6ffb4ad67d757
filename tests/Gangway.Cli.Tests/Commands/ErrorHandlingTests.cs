namespace Gangway.Cli.Tests.Commands;

public sealed class ErrorHandlingTests : IDisposable
{
    private readonly ExampleWorkspace _workspace = new();

    [Fact]
    public void Train_MissingDataFile_ExitsNotFoundWithOneLine()
    {
        var run = CliRun.Invoke("train", "--no-track", "--spec", _workspace["baseline.yaml"], "--data", _workspace["nope.csv"], "--out", _workspace["m.gwb"]);

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("nope.csv", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.False(File.Exists(_workspace["m.gwb"]));
    }

    [Fact]
    public void Train_BadSpec_ExitsInvalidConfigurationNamingTheKey()
    {
        File.WriteAllText(_workspace["bad.yaml"], File.ReadAllText(_workspace["baseline.yaml"]).Replace("trees: 100", "tress: 100", StringComparison.Ordinal));

        var run = CliRun.Invoke("train", "--no-track", "--spec", _workspace["bad.yaml"], "--data", _workspace["train.csv"], "--out", _workspace["m.gwb"]);

        Assert.Equal(6, run.ExitCode);
        Assert.Contains("tress", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_DataWithoutTheTarget_NamesTheColumnAndListsThePresentOnes()
    {
        var run = CliRun.Invoke("train", "--no-track", "--spec", _workspace["baseline.yaml"], "--data", _workspace["predict.csv"], "--out", _workspace["m.gwb"]);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("'Survived'", run.Error, StringComparison.Ordinal);
        Assert.Contains("PassengerId", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NotABundle_ExitsCorruptArtifact()
    {
        var run = CliRun.Invoke("evaluate", "--model", _workspace["train.csv"], "--data", _workspace["validation.csv"]);

        Assert.Equal(5, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOption_IsAUsageError()
    {
        var run = CliRun.Invoke("train", "--speck", "x");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--speck", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("train", "--help")]
    [InlineData("predict", "--help")]
    public void Help_IsAvailableEverywhere(params string[] args)
    {
        var run = CliRun.Invoke(args);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void LogFormatJson_WritesOneJsonObjectPerLogLine()
    {
        var run = CliRun.Invoke("train", "--no-track", "--spec", _workspace["baseline.yaml"], "--data", _workspace["train.csv"], "--out", _workspace["m.gwb"], "--log-format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Equal("Information", System.Text.Json.Nodes.JsonNode.Parse(l)!["level"]!.GetValue<string>()));
    }

    [Fact]
    public void Quiet_SuppressesInformationLogs()
    {
        var run = CliRun.Invoke("train", "--no-track", "--spec", _workspace["baseline.yaml"], "--data", _workspace["train.csv"], "--out", _workspace["m.gwb"], "-q");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void Train_SeedThatIsNotANumber_IsAUsageErrorNamingTheOption()
    {
        var run = CliRun.Invoke("train", "--no-track", "--spec", _workspace["baseline.yaml"], "--data", _workspace["train.csv"], "--out", _workspace["m.gwb"], "--seed", "1.5");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--seed must be a whole number; got '1.5'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_BinaryGarbageAsData_IsInvalidInputNotACrash()
    {
        var garbage = _workspace["garbage.csv"];
        File.WriteAllBytes(garbage, [.. Enumerable.Range(0, 4096).Select(i => (byte)((i * 7919) % 256))]);

        var train = CliRun.Invoke("train", "--no-track", "--spec", _workspace["baseline.yaml"], "--data", garbage, "--out", _workspace["m.gwb"]);

        Assert.Equal(3, train.ExitCode);
        Assert.Contains("not valid UTF-8", train.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _workspace.Dispose();
}
