using System.Text.Json.Nodes;
using Gangway.Data;

namespace Gangway.Cli.Tests.Commands;

/// <summary><c>gangway monitor drift</c>: a file against the model's training reference, or what the model logged.</summary>
public sealed class MonitorDriftCommandTests(TrainedExample example) : IClassFixture<TrainedExample>
{
    [Fact]
    public void MonitorDrift_AgeShiftedByFifteenYears_FlagsAgeAndLeavesPersonalDataOut()
    {
        using var workspace = new ExampleWorkspace();
        var table = CsvReader.ReadFile(workspace["validation.csv"]);
        var age = table.GetNumeric("Age");
        var shifted = new Table(table.Columns.Select(c => c.Name == "Age" ? new NumericColumn("Age", [.. age.Values.ToArray().Select(v => v + 15)]) : c));
        CsvWriter.WriteFile(shifted, workspace["older.csv"]);

        var run = Invoke(workspace, "monitor", "drift", "--model", example.Bundle, "--data", workspace["older.csv"], "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var columns = Columns(run.Output);
        Assert.True(columns["Age"]!["drifted"]!.GetValue<bool>(), run.Output);
        Assert.False(columns["Sex"]!["drifted"]!.GetValue<bool>(), run.Output);
        Assert.Contains("probability", columns.Keys);
        // Name is personal data in the Titanic contract: never compared, so its values cannot reach a report.
        Assert.DoesNotContain("Name", columns.Keys);
        Assert.DoesNotContain("Braund", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void MonitorDrift_FromLog_GivesTheSameStatisticsAsTheFileThatWasLogged()
    {
        using var workspace = new ExampleWorkspace();
        var predict = Invoke(workspace, "predict", "--model", example.Bundle, "--data", workspace["validation.csv"], "--out", workspace["p.csv"], "--log");
        var file = Invoke(workspace, "monitor", "drift", "--model", example.Bundle, "--data", workspace["validation.csv"], "--json");
        var logged = Invoke(workspace, "monitor", "drift", "--model", example.Bundle, "--from-log", "--since", "2000-01-01", "--json");

        Assert.True(predict.ExitCode == 0, predict.ToString());
        Assert.True(file.ExitCode == 0, file.ToString());
        Assert.True(logged.ExitCode == 0, logged.ToString());
        var fromFile = Columns(file.Output);
        var fromLog = Columns(logged.Output);
        Assert.Equal(fromFile.Keys, fromLog.Keys);
        Assert.True(JsonNode.Parse(logged.Output)!["current_rows"]!.GetValue<long>() > 100);
        Assert.Equal(JsonNode.Parse(file.Output)!["current_rows"]!.GetValue<long>(), JsonNode.Parse(logged.Output)!["current_rows"]!.GetValue<long>());
        foreach (var (name, column) in fromFile)
        {
            Assert.Equal(column!["statistics"]!.ToJsonString(), fromLog[name]!["statistics"]!.ToJsonString());
        }
    }

    [Theory]
    [InlineData("--from-log", "--data")]
    [InlineData(null, null)]
    public void MonitorDrift_NeitherOrBothSources_IsAUsageErrorOfOneLine(string? first, string? second)
    {
        using var workspace = new ExampleWorkspace();
        string[] args = ["monitor", "drift", "--model", example.Bundle];
        if (first is not null)
        {
            args = [.. args, first, second!, workspace["validation.csv"]];
        }

        var run = Invoke(workspace, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("either --data FILE or --from-log", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void MonitorDrift_FileWithoutAModelColumn_FailsWithOneLineNamingIt()
    {
        using var workspace = new ExampleWorkspace();
        File.WriteAllText(workspace["bad.csv"], "PassengerId,Pclass\n1,3\n");

        var run = Invoke(workspace, "monitor", "drift", "--model", example.Bundle, "--data", workspace["bad.csv"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Sex", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    private static Dictionary<string, JsonNode?> Columns(string json) =>
        JsonNode.Parse(json)!["per_column"]!.AsArray().ToDictionary(c => c!["column"]!.GetValue<string>(), c => c);

    private static CliRun Invoke(ExampleWorkspace workspace, params string[] args) => CliRun.Invoke([.. args, "--store", workspace.Store]);
}
