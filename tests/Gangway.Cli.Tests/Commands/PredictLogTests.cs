using System.Globalization;
using System.Text.Json.Nodes;

namespace Gangway.Cli.Tests.Commands;

/// <summary>
/// The offline loop: <c>predict --log</c> records every scored row, <c>feedback import</c> joins outcomes to them by
/// passenger, <c>monitor online</c> scores them, and the accuracy it reports is the one the predictions file gives.
/// </summary>
public sealed class PredictLogTests(TrainedExample example) : IClassFixture<TrainedExample>
{
    [Fact]
    public void PredictLog_FeedbackImport_MonitorOnline_GiveTheAccuracyOfThePredictions()
    {
        using var workspace = new ExampleWorkspace();
        var predictions = workspace["validation-predictions.csv"];

        var predict = Invoke(workspace, "predict", "--model", example.Bundle, "--data", workspace["validation.csv"], "--out", predictions, "--log");
        var export = Invoke(workspace, "log", "export", "--model", "titanic", "--since", "2000-01-01", "--out", workspace["log.jsonl"]);
        var feedback = Invoke(workspace, "feedback", "import", "--model", "titanic", "--data", workspace["validation.csv"], "--key", "PassengerId", "--label", "Survived", "--classes", "0,1", "--json");
        var monitor = Invoke(workspace, "monitor", "online", "titanic", "--since", "2000-01-01", "--json");

        Assert.True(predict.ExitCode == 0, predict.ToString());
        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.True(feedback.ExitCode == 0, feedback.ToString());
        Assert.True(monitor.ExitCode == 0, monitor.ToString());
        var logged = File.ReadAllLines(workspace["log.jsonl"]).Select(l => JsonNode.Parse(l)!).ToList();
        var scored = File.ReadAllLines(predictions).Skip(1).ToList();
        Assert.Equal(scored.Count, logged.Count);
        Assert.All(logged, l => Assert.Equal("batch", l["source"]!.GetValue<string>()));
        Assert.All(logged, l => Assert.StartsWith("{\"PassengerId\":\"", l["key"]!.GetValue<string>(), StringComparison.Ordinal));
        // Name is personal data in the Titanic contract: the log never holds it.
        Assert.All(logged, l => Assert.Equal("(personal data, hidden)", l["inputs"]!["Name"]!.GetValue<string>()));
        Assert.Equal(scored.Count, JsonNode.Parse(feedback.Output)!["accepted"]!.GetValue<int>());

        var survived = File.ReadAllLines(workspace["validation.csv"]).Skip(1).Select(Fields)
            .ToDictionary(f => f["PassengerId"], f => f["Survived"]);
        var header = File.ReadAllLines(predictions)[0].Split(',');
        var right = scored.Select(line => line.Split(','))
            .Count(f => f[Array.IndexOf(header, "prediction")] == survived[f[Array.IndexOf(header, "PassengerId")]]);
        var variant = Assert.Single(JsonNode.Parse(monitor.Output)!["variants"]!.AsArray())!;
        Assert.Equal(scored.Count, variant["labelled"]!.GetValue<long>());
        Assert.Equal((double)right / scored.Count, variant["accuracy"]!["value"]!.GetValue<double>(), 12);
    }

    private static Dictionary<string, string> Fields(string line)
    {
        // validation.csv quotes names with commas; the two columns read here come before the first quoted field.
        var names = new[] { "PassengerId", "Survived" };
        var values = line.Split(',');
        return names.Select((n, i) => (n, values[i])).ToDictionary(p => p.n, p => p.Item2.ToString(CultureInfo.InvariantCulture));
    }

    private static CliRun Invoke(ExampleWorkspace workspace, params string[] args) => CliRun.Invoke([.. args, "--store", workspace.Store]);
}
