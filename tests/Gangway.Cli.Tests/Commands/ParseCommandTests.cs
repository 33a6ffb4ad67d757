using System.Text;

namespace Gangway.Cli.Tests.Commands;

/// <summary><c>gangway parse</c> on the Nordic unit's files of the Titanic example.</summary>
public sealed class ParseCommandTests : IDisposable
{
    private static readonly string Units = Path.Combine(AppContext.BaseDirectory, "TestData", "titanic", "units");
    private readonly ExampleWorkspace _workspace = new();

    private static string Parser => Path.Combine(Units, "nordic.parser.yaml");

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Parse_NordicFile_WritesCanonicalCsvInContractOrder()
    {
        var output = _workspace["clean.csv"];

        var run = CliRun.Invoke("parse", "--parser", Parser, "--data", Path.Combine(Units, "nordic-predict.csv"), "--out", output);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = File.ReadAllLines(output, Encoding.UTF8);
        Assert.Equal(File.ReadAllLines(_workspace["predict.csv"])[0], lines[0]);
        Assert.Equal("892,3,\"Kelly, Mr. James\",male,34.5,0,0,330911,7.8292,,Q", lines[1]);
        Assert.Equal(419, lines.Length);
        Assert.Contains(lines, line => line.Contains("Mäkinen", StringComparison.Ordinal));
        Assert.Contains("Parsed 418 rows of nordic-predict.csv with parser 'nordic', skipped 0", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ToStandardOutput_WritesCsv()
    {
        var run = CliRun.Invoke("parse", "--parser", Parser, "--data", Path.Combine(Units, "nordic-validation.csv"), "--out", "-");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("PassengerId,Survived,Pclass,Name,Sex,Age,SibSp,Parch,Ticket,Fare,Cabin,Embarked\n183,0,3,", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadRowWithFail_ExitsInvalidInputNamesSourceLineAndColumnAndLeavesNoFile()
    {
        var input = BadCopy();
        var output = _workspace["clean.csv"];

        var run = CliRun.Invoke("parse", "--parser", Parser, "--data", input, "--out", output);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("error: Line 4, column 'Alter' (Age): expected a number with decimal ',', found '3x'.", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(_workspace.Root, "*.tmp"));
    }

    [Fact]
    public void Parse_BadRowWithSkip_WritesTheOtherRowsAndReportsIt()
    {
        var output = _workspace["clean.csv"];

        var run = CliRun.Invoke("parse", "--parser", Parser, "--data", BadCopy(), "--out", output, "--on-error", "skip");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(418, File.ReadAllLines(output).Length);
        Assert.Contains("Skipped Line 4, column 'Alter' (Age)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingParserSpec_ExitsNotFound()
    {
        var run = CliRun.Invoke("parse", "--parser", _workspace["none.yaml"], "--data", _workspace["predict.csv"], "--out", _workspace["x.csv"]);

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("none.yaml", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WithoutRequiredOptions_IsAUsageError()
    {
        var run = CliRun.Invoke("parse", "--parser", Parser);

        Assert.Equal(2, run.ExitCode);
    }

    /// <summary>The Nordic predict file with the third passenger's age (line 4) broken, in the unit's Latin-1 bytes.</summary>
    private string BadCopy()
    {
        var lines = File.ReadAllText(Path.Combine(Units, "nordic-predict.csv"), Encoding.Latin1).Split("\r\n");
        var fields = lines[3].Split(';');
        fields[3] = "3x";
        lines[3] = string.Join(';', fields);
        var path = _workspace["bad-nordic.csv"];
        File.WriteAllText(path, string.Join("\r\n", lines), Encoding.Latin1);
        return path;
    }
}
