namespace Gangway.Cli.Tests.Infrastructure;

/// <summary>A misspelt command or option gets one line naming the closest valid one, and the usage exit code.</summary>
public sealed class DidYouMeanTests
{
    [Theory]
    [InlineData("Unknown command 'trian' for 'gangway'; did you mean 'train'?", "trian", "--spec", "x.yaml")]
    [InlineData("Unknown option '--speck' for 'gangway train'; did you mean '--spec'?", "train", "--speck", "x.yaml", "--data", "d.csv")]
    [InlineData("Unknown command 'shwo' for 'gangway models'; did you mean 'show'?", "models", "shwo", "titanic")]
    [InlineData("Unknown option '--jsno' for 'gangway runs list'; did you mean '--json'?", "runs", "list", "--jsno")]
    [InlineData("Unknown option '--verbos' for 'gangway evaluate'; did you mean '--verbose'?", "evaluate", "--verbos")]
    public void Misspelt_SuggestsTheClosestNameInOneLineAndExitsUsage(string expected, params string[] args)
    {
        var run = CliRun.Invoke(args);

        Assert.Equal(2, run.ExitCode);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal($"error: {expected}", lines[0]);
        Assert.Single(lines, line => line.StartsWith("error: ", StringComparison.Ordinal));
        Assert.StartsWith($"Run '{string.Join(' ', ["gangway", .. args.TakeWhile(a => a is "train" or "models" or "runs" or "list" or "evaluate")])} --help'", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void NothingClose_ListsTheParserErrorsWithoutASuggestion()
    {
        var run = CliRun.Invoke("xyzzy");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Unrecognized command or argument 'xyzzy'", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("did you mean", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evaluate", "--model", "m.gwb", "--data", "{folder}")]
    [InlineData("train", "--spec", "{folder}", "--data", "d.csv")]
    [InlineData("inspect", "{folder}")]
    public void AFolderWhereAFileIsExpected_IsOneLineSayingItIsAFolder(params string[] args)
    {
        var folder = Directory.CreateTempSubdirectory("gangway-folder-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "train.csv"), "a\n1\n");

            var run = CliRun.Invoke([.. args.Select(a => a == "{folder}" ? folder : a)]);

            Assert.Equal(2, run.ExitCode);
            var error = Assert.Single(run.Error.Split('\n'), line => line.StartsWith("error: ", StringComparison.Ordinal));
            Assert.Contains($"'{folder}' is a folder, not a file", error, StringComparison.Ordinal);
            Assert.Contains("train.csv", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
