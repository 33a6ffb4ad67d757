using System.Text.Json.Nodes;

namespace Gangway.Cli.Tests.Commands;

/// <summary><c>gangway compare</c> on the Titanic example: the notebook's model (baseline.yaml) against titanic.yaml.</summary>
public sealed class CompareCommandTests(TrainedPair pair) : IClassFixture<TrainedPair>
{
    [Fact]
    public void Compare_BaselineAndTitanic_PrintsTheTableAndAVerdictPerTest()
    {
        var run = CliRun.Invoke("compare", "--model", pair.Baseline, "--model", pair.Titanic, "--data", pair.Workspace["validation.csv"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var header in new[] { "metric", "B - A", "test", "mcnemar", "delong", "log_loss", "brier" })
        {
            Assert.Contains(header, run.Output, StringComparison.Ordinal);
        }

        var verdicts = run.Output.Split('\n').Where(l => l.Contains(" on roc_auc", StringComparison.Ordinal) || l.Contains(" on accuracy", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, verdicts.Count);
        Assert.All(verdicts, v => Assert.Matches(@"(titanic\.gwb is better|No detectable difference) on \w+.*: [+-]\d\.\d{3} \[[+-]\d\.\d{3}, [+-]\d\.\d{3}\], p [=<] ", v));
    }

    [Fact]
    public void Compare_Json_AgreesWithEvaluateForBothModels()
    {
        var run = CliRun.Invoke("compare", "--model", pair.Baseline, "--model", pair.Titanic, "--data", pair.Workspace["validation.csv"], "--json", "--confidence", "0.9");
        var evaluatedA = JsonNode.Parse(CliRun.Invoke("evaluate", "--no-track", "--model", pair.Baseline, "--data", pair.Workspace["validation.csv"], "--json").Output)!;
        var evaluatedB = JsonNode.Parse(CliRun.Invoke("evaluate", "--no-track", "--model", pair.Titanic, "--data", pair.Workspace["validation.csv"], "--json").Output)!;

        Assert.True(run.ExitCode == 0, run.ToString());
        var json = JsonNode.Parse(run.Output)!;
        Assert.Equal(0.9, json["confidence"]!.GetValue<double>());
        Assert.Equal(179, json["rows"]!.GetValue<int>());
        foreach (var metric in new[] { "accuracy", "roc_auc", "f1", "brier" })
        {
            var a = evaluatedA[metric]!.GetValue<double>();
            var b = evaluatedB[metric]!.GetValue<double>();
            Assert.Equal(a, json["metrics"]![metric]!["a"]!.GetValue<double>(), 12);
            Assert.Equal(b, json["metrics"]![metric]!["b"]!.GetValue<double>(), 12);
            Assert.Equal(b - a, json["metrics"]![metric]!["difference"]!.GetValue<double>(), 12);
        }

        var p = json["delong"]!["p_value"]!.GetValue<double>();
        Assert.InRange(p, 0, 1);
        Assert.Equal(p, json["metrics"]!["roc_auc"]!["p_value"]!.GetValue<double>());
    }

    [Fact]
    public void Compare_AModelWithItself_FindsNoDetectableDifferenceWithPOne()
    {
        var run = CliRun.Invoke("compare", "--model", pair.Titanic, "--model", pair.Titanic, "--data", pair.Workspace["validation.csv"], "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var json = JsonNode.Parse(run.Output)!;
        Assert.Equal(1.0, json["delong"]!["p_value"]!.GetValue<double>());
        Assert.Equal(1.0, json["mcnemar"]!["p_value"]!.GetValue<double>());
        Assert.All(json["verdicts"]!.AsArray(), v => Assert.StartsWith("No detectable difference on ", v!.GetValue<string>(), StringComparison.Ordinal));
        Assert.All(
            json["metrics"]!.AsObject().Select(m => m.Value!),
            m => Assert.EndsWith(m["test"] is null ? "+0.000 [+0.000, +0.000] (paired bootstrap)" : "p = 1", m["verdict"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_OneModel_IsAUsageErrorOnOneLine()
    {
        var run = CliRun.Invoke("compare", "--model", pair.Titanic, "--data", pair.Workspace["validation.csv"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains("--model must be given exactly twice (model A, then model B); got it 1 time.", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void Compare_AFolderAsModel_IsAUsageErrorSayingSo()
    {
        var run = CliRun.Invoke("compare", "--model", pair.Workspace.Root, "--model", pair.Titanic, "--data", pair.Workspace["validation.csv"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--model '{pair.Workspace.Root}' is a folder, not a file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_ModelsWithDifferentTargets_ExitsWithOneLineNamingBothTargets()
    {
        var run = CliRun.Invoke("compare", "--model", pair.Baseline, "--model", pair.SexModel, "--data", pair.Workspace["validation.csv"]);

        Assert.Equal(3, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Contains("Models must predict the same target to be compared; 'baseline.gwb' predicts 'Survived' = '1', 'sex.gwb' predicts 'Sex' = 'female'.", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void Compare_DataWithoutTheTarget_NamesTheModelAndTheColumn()
    {
        var run = CliRun.Invoke("compare", "--model", pair.Baseline, "--model", pair.Titanic, "--data", pair.Workspace["predict.csv"]);

        Assert.Equal(3, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Contains("Model 'baseline.gwb'", run.Error, StringComparison.Ordinal);
        Assert.Contains("'Survived'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_ConfidenceOutsideUnitInterval_IsAUsageError()
    {
        var run = CliRun.Invoke("compare", "--model", pair.Titanic, "--model", pair.Titanic, "--data", pair.Workspace["validation.csv"], "--confidence", "95");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--confidence must be a confidence level strictly between 0 and 1, e.g. 0.95; got '95'.", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--confidence", "1")]
    [InlineData("--bootstrap", "5")]
    public void Compare_AndEvaluate_RefuseTheSameBadValueTheSameWay(string option, string value)
    {
        var compare = CliRun.Invoke("compare", "--model", pair.Titanic, "--model", pair.Titanic, "--data", pair.Workspace["validation.csv"], option, value);
        var evaluate = CliRun.Invoke("evaluate", "--no-track", "--model", pair.Titanic, "--data", pair.Workspace["validation.csv"], option, value);

        Assert.Equal((2, 2), (compare.ExitCode, evaluate.ExitCode));
        var line = Assert.Single(compare.Error.Split('\n'), l => l.Contains($"{option} must be", StringComparison.Ordinal));
        Assert.Contains(line, evaluate.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_Table_ShowsThePairedIntervalOfEveryMetricAndAVerdictForEach()
    {
        var run = CliRun.Invoke("compare", "--model", pair.Baseline, "--model", pair.Titanic, "--data", pair.Workspace["validation.csv"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("95% interval", run.Output, StringComparison.Ordinal);
        Assert.Contains("Intervals: paired stratified bootstrap of B - A, 1000 resamples, seed 42.", run.Output, StringComparison.Ordinal);
        foreach (var metric in new[] { "precision", "recall", "f1", "log_loss", "brier" })
        {
            var row = Assert.Single(run.Output.Split('\n'), l => l.Contains($" {metric} ", StringComparison.Ordinal) && l.Contains('[') && !l.Contains(" on ", StringComparison.Ordinal));
            Assert.Matches(@"\[[+-]\d\.\d{3}, [+-]\d\.\d{3}\]", row);
            var verdict = Assert.Single(run.Output.Split('\n'), l => l.Contains($" on {metric}", StringComparison.Ordinal));
            Assert.Matches(@"^(titanic\.gwb is better|baseline\.gwb is better|No detectable difference) on \w+.*: [+-]\d\.\d{3} \[[+-]\d\.\d{3}, [+-]\d\.\d{3}\] \(paired bootstrap\)$", verdict);
        }
    }

    [Fact]
    public void Compare_Json_GivesTheIntervalOfEveryDifferenceReproduciblyForASeed()
    {
        JsonNode Run(params string[] extra) => JsonNode.Parse(CliRun.Invoke(
            ["compare", "--model", pair.Baseline, "--model", pair.Titanic, "--data", pair.Workspace["validation.csv"], "--json", "--bootstrap", "200", .. extra]).Output)!;

        var first = Run("--seed", "5");
        var again = Run("--seed", "5");
        var other = Run("--seed", "6");

        Assert.Equal(new JsonObject { ["resamples"] = 200, ["seed"] = 5, ["stratified"] = true, ["paired"] = true }.ToJsonString(), first["bootstrap"]!.ToJsonString());
        foreach (var (metric, values) in first["metrics"]!.AsObject())
        {
            var (lower, upper, difference) = (values!["lower"]!.GetValue<double>(), values["upper"]!.GetValue<double>(), values["difference"]!.GetValue<double>());
            Assert.True(lower <= upper, metric);
            Assert.Equal(again["metrics"]![metric]!.ToJsonString(), values.ToJsonString());
            Assert.NotNull(values["verdict"]);
            Assert.Contains(values["better"]!.GetValue<string>(), new[] { "a", "b", "neither" });
            if (values["test"] is null)
            {
                Assert.Contains($"[{Signed(lower)}, {Signed(upper)}] (paired bootstrap)", values["verdict"]!.GetValue<string>(), StringComparison.Ordinal);
                Assert.Equal(lower > 0 || upper < 0, values["better"]!.GetValue<string>() != "neither");
            }

            Assert.True(difference >= lower - 0.05 && difference <= upper + 0.05, $"{metric}: {difference} far outside [{lower}, {upper}]");
        }

        Assert.NotEqual(first["metrics"]!["f1"]!["lower"]!.GetValue<double>(), other["metrics"]!["f1"]!["lower"]!.GetValue<double>());
    }

    private static string Signed(double value) => (value >= 0 ? "+" : "-") + Math.Abs(value).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The two Titanic example specs trained once, plus a model of another target (Sex from class and fare).</summary>
public sealed class TrainedPair : IDisposable
{
    public TrainedPair()
    {
        Baseline = Train("baseline.yaml", "baseline.gwb");
        Titanic = Train("titanic.yaml", "titanic.gwb");
        File.WriteAllText(Workspace["sex.yaml"], "name: sex\ntarget:\n  column: Sex\n  positive: female\ninputs:\n  Pclass: numeric\n  Fare: numeric\nlearner:\n  type: fast_forest\n  trees: 5\nseed: 1\n");
        SexModel = Train("sex.yaml", "sex.gwb");
    }

    public ExampleWorkspace Workspace { get; } = new();

    public string Baseline { get; }

    public string Titanic { get; }

    public string SexModel { get; }

    public void Dispose() => Workspace.Dispose();

    private string Train(string spec, string bundle)
    {
        var run = CliRun.Invoke("train", "--no-track", "--spec", Workspace[spec], "--data", Workspace["train.csv"], "--out", Workspace[bundle]);
        return run.ExitCode == 0 ? Workspace[bundle] : throw new InvalidOperationException($"Training {spec} failed: {run}");
    }
}
