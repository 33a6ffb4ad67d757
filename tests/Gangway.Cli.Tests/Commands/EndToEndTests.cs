using System.Text.Json.Nodes;

namespace Gangway.Cli.Tests.Commands;

/// <summary>train → evaluate → predict through the CLI on the bundled Titanic example.</summary>
public sealed class EndToEndTests : IClassFixture<TrainedExample>
{
    private readonly TrainedExample _example;

    public EndToEndTests(TrainedExample example) => _example = example;

    [Fact]
    public void Train_WritesBundleAndPrintsWhereItWent()
    {
        Assert.Equal(0, _example.Training.ExitCode);
        Assert.True(File.Exists(_example.Bundle));
        Assert.Contains(Path.GetFullPath(_example.Bundle), _example.Training.Output.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_WritesMetricsJsonWithTheDocumentedKeys()
    {
        var metricsPath = _example.Workspace["metrics.json"];

        var run = CliRun.Invoke("evaluate", "--model", _example.Bundle, "--data", _example.Workspace["validation.csv"], "--out", metricsPath);

        Assert.True(run.ExitCode == 0, run.ToString());
        var json = JsonNode.Parse(File.ReadAllText(metricsPath))!.AsObject();
        foreach (var key in new[] { "accuracy", "precision", "recall", "f1", "roc_auc", "log_loss", "brier", "confusion_matrix", "slices", "baselines" })
        {
            Assert.True(json.ContainsKey(key), $"missing key {key}");
        }

        Assert.NotNull(json["slices"]!["Pclass"]!["1"]);
        Assert.NotNull(json["slices"]!["Sex"]!["female"]);
        Assert.NotNull(json["baselines"]!["women_survive"]);
        Assert.NotNull(json["baselines"]!["majority_class"]);
        Assert.Contains("women_survive", run.Output, StringComparison.Ordinal);
        Assert.Contains("roc_auc", run.Output, StringComparison.Ordinal);
        Assert.Contains("calibration", run.Output, StringComparison.Ordinal);
        Assert.Contains("by Pclass", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Predict_WritesIdsPredictionAndProbabilityForEveryRow()
    {
        var output = _example.Workspace["predictions.csv"];

        var run = CliRun.Invoke("predict", "--model", _example.Bundle, "--data", _example.Workspace["predict.csv"], "--out", output);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = File.ReadAllLines(output);
        Assert.Equal("PassengerId,prediction,probability", lines[0]);
        Assert.Equal(File.ReadAllLines(_example.Workspace["predict.csv"]).Length, lines.Length);
        Assert.All(lines.Skip(1), line =>
        {
            var fields = line.Split(',');
            Assert.Contains(fields[1], new[] { "0", "1" });
            var probability = double.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(probability, 0, 1);
        });
    }

    [Fact]
    public void Predict_ToStandardOutput_WritesCsv()
    {
        var run = CliRun.Invoke("predict", "--model", _example.Bundle, "--data", _example.Workspace["predict.csv"], "--out", "-");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("PassengerId,prediction,probability\n892,", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Predict_BadRowWithFail_ExitsInvalidInputNamesLineAndLeavesNoFile()
    {
        var input = _example.Workspace["bad.csv"];
        var lines = File.ReadAllLines(_example.Workspace["predict.csv"]).Take(6).ToList();
        lines[4] = lines[4].Replace(",male,", ",robot,", StringComparison.Ordinal).Replace(",female,", ",robot,", StringComparison.Ordinal);
        File.WriteAllLines(input, lines);
        var output = _example.Workspace["bad-out.csv"];

        var run = CliRun.Invoke("predict", "--model", _example.Bundle, "--data", input, "--out", output);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("line 5", run.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("'robot'", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(_example.Workspace.Root, "*.tmp"));
    }

    [Fact]
    public void Predict_BadRowsWithSkip_ScoresTheRestAndReportsEachBadLine()
    {
        var input = _example.Workspace["skip.csv"];
        var lines = File.ReadAllLines(_example.Workspace["predict.csv"]).Take(8).ToList();
        lines[2] = lines[2].Replace(",male,", ",robot,", StringComparison.Ordinal).Replace(",female,", ",robot,", StringComparison.Ordinal);
        lines[6] = "999,third,\"Doe, Mr. John\",male,30,0,0,A1,7.25,,S";
        File.WriteAllLines(input, lines);
        var output = _example.Workspace["skip-out.csv"];

        var run = CliRun.Invoke("predict", "--model", _example.Bundle, "--data", input, "--out", output, "--on-error", "skip");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(1 + 5, File.ReadAllLines(output).Length);
        Assert.Contains("Line 3", run.Error, StringComparison.Ordinal);
        Assert.Contains("Line 7", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Predict_SameBundleTrainedTwice_GivesByteIdenticalPredictions()
    {
        var second = _example.Workspace["second.gwb"];
        Assert.Equal(0, CliRun.Invoke("train", "--no-track", "--spec", _example.Workspace["titanic.yaml"], "--data", _example.Workspace["train.csv"], "--out", second).ExitCode);
        var first = _example.Workspace["first.csv"];
        var again = _example.Workspace["again.csv"];

        Assert.Equal(0, CliRun.Invoke("predict", "--model", _example.Bundle, "--data", _example.Workspace["predict.csv"], "--out", first).ExitCode);
        Assert.Equal(0, CliRun.Invoke("predict", "--model", second, "--data", _example.Workspace["predict.csv"], "--out", again).ExitCode);

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(again));
    }

    [Fact]
    public void Inspect_PrintsManifestAndVerifiesIntegrity()
    {
        var run = CliRun.Invoke("inspect", _example.Bundle, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var json = JsonNode.Parse(run.Output)!;
        Assert.Equal("titanic", json["manifest"]!["model_name"]!.GetValue<string>());
        Assert.NotNull(json["lineage"]);
    }

    [Fact]
    public void Inspect_TamperedBundle_ExitsCorruptArtifactInOneLine()
    {
        var tampered = _example.Workspace["tampered.gwb"];
        var bytes = File.ReadAllBytes(_example.Bundle);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(tampered, bytes);

        var run = CliRun.Invoke("inspect", tampered);

        Assert.Equal(5, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void CrossValidate_ReportsMeanAndSpread()
    {
        var json = _example.Workspace["cv.json"];

        var run = CliRun.Invoke("cv", "--no-track", "--spec", _example.Workspace["baseline.yaml"], "--data", _example.Workspace["train.csv"], "--folds", "3", "--out", json);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("roc_auc", run.Output, StringComparison.Ordinal);
        Assert.Equal(3, JsonNode.Parse(File.ReadAllText(json))!["per_fold"]!.AsArray().Count);
    }
}

/// <summary>Trains the Titanic example once for the end-to-end tests.</summary>
public sealed class TrainedExample : IDisposable
{
    public TrainedExample()
    {
        Bundle = Workspace["titanic.gwb"];
        Training = CliRun.Invoke("train", "--no-track", "--spec", Workspace["titanic.yaml"], "--data", Workspace["train.csv"], "--out", Bundle);
    }

    public ExampleWorkspace Workspace { get; } = new();

    public string Bundle { get; }

    internal CliRun Training { get; }

    public void Dispose() => Workspace.Dispose();
}
