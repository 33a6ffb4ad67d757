using System.Globalization;
using System.Text.Json.Nodes;

namespace Gangway.Cli.Tests.Commands;

/// <summary><c>gangway evaluate</c> reports bootstrap confidence intervals in its table and JSON, overall and per slice.</summary>
public sealed class EvaluateIntervalsTests : IDisposable
{
    private static readonly string[] MetricNames = ["accuracy", "precision", "recall", "f1", "roc_auc", "log_loss", "brier"];
    private readonly ExampleWorkspace _workspace = new();
    private readonly string _bundle;

    public EvaluateIntervalsTests()
    {
        _bundle = _workspace["m.gwb"];
        var trained = CliRun.Invoke("train", "--spec", _workspace["baseline.yaml"], "--data", _workspace["train.csv"], "--out", _bundle, "--no-track");
        Assert.True(trained.ExitCode == 0, trained.ToString());
    }

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Evaluate_Json_HasAnIntervalAroundEveryMetric_OverallAndPerSlice_SameEachTime()
    {
        var report = Json("--data", _workspace["validation.csv"]);

        Assert.Equal(0.95, report["confidence_level"]!.GetValue<double>());
        foreach (var metrics in new[] { report }.Concat(report["slices"]!.AsObject().SelectMany(c => c.Value!.AsObject().Select(v => v.Value!))))
        {
            foreach (var name in MetricNames)
            {
                var interval = metrics["confidence_intervals"]![name]!.AsArray();
                Assert.InRange(metrics[name]!.GetValue<double>(), interval[0]!.GetValue<double>(), interval[1]!.GetValue<double>());
            }
        }

        Assert.Equal(report.ToJsonString(), Json("--data", _workspace["validation.csv"]).ToJsonString());
    }

    [Fact]
    public void Evaluate_LowerConfidenceOrNoBootstrap_NarrowsOrDropsTheIntervals()
    {
        var wide = Json("--data", _workspace["validation.csv"])["confidence_intervals"]!["roc_auc"]!.AsArray();
        var narrow = Json("--data", _workspace["validation.csv"], "--confidence", "0.8", "--bootstrap", "500")["confidence_intervals"]!["roc_auc"]!.AsArray();
        var none = Json("--data", _workspace["validation.csv"], "--bootstrap", "0");

        Assert.True(narrow[1]!.GetValue<double>() - narrow[0]!.GetValue<double>() < wide[1]!.GetValue<double>() - wide[0]!.GetValue<double>());
        Assert.Null(none["confidence_intervals"]);
        Assert.NotNull(none["roc_auc"]);
    }

    [Fact]
    public void Evaluate_SmallSlices_SayTheyAreTooSmall_InJsonAndTable()
    {
        var lines = File.ReadAllLines(_workspace["validation.csv"]);
        File.WriteAllLines(_workspace["small.csv"], lines.Take(61));

        var report = Json("--data", _workspace["small.csv"]);
        var table = CliRun.Invoke("evaluate", "--model", _bundle, "--data", _workspace["small.csv"], "--no-track");

        var slices = report["slices"]!["Pclass"]!.AsObject().Select(v => (Value: v.Key, Metrics: v.Value!)).ToList();
        var small = slices.Where(s => s.Metrics["rows"]!.GetValue<int>() < 30).ToList();
        Assert.NotEmpty(small);
        Assert.Contains(slices, s => s.Metrics["rows"]!.GetValue<int>() >= 30 && s.Metrics["confidence_intervals"] is not null);
        foreach (var (value, metrics) in small)
        {
            Assert.Null(metrics["confidence_intervals"]);
            var note = metrics["confidence_note"]!.GetValue<string>();
            Assert.Equal($"{metrics["rows"]} rows: too few for a confidence interval (at least 30)", note);
            Assert.Contains($"Pclass = {value}: {note}", table.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Evaluate_Table_ShowsValueAndIntervalWithThreeDecimals()
    {
        var report = Json("--data", _workspace["validation.csv"]);

        var table = CliRun.Invoke("evaluate", "--model", _bundle, "--data", _workspace["validation.csv"], "--no-track");

        Assert.True(table.ExitCode == 0, table.ToString());
        var interval = report["confidence_intervals"]!["roc_auc"]!.AsArray();
        var expected = string.Create(
            CultureInfo.InvariantCulture,
            $"{report["roc_auc"]!.GetValue<double>():0.000} [{interval[0]!.GetValue<double>():0.000}, {interval[1]!.GetValue<double>():0.000}]");
        Assert.Contains(expected, table.Output, StringComparison.Ordinal);
        Assert.Contains("95% confidence interval", table.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--confidence", "1.5")]
    [InlineData("--confidence", "0")]
    [InlineData("--bootstrap", "-3")]
    [InlineData("--bootstrap", "5")]
    public void Evaluate_BadIntervalOption_IsAUsageErrorNamingTheValue(string option, string value)
    {
        var run = CliRun.Invoke("evaluate", "--model", _bundle, "--data", _workspace["validation.csv"], "--no-track", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        var error = Assert.Single(run.Error.Trim().Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains($"{option} must be", error, StringComparison.Ordinal);
        Assert.Contains($"got '{value}'.", error, StringComparison.Ordinal);
    }

    private JsonNode Json(params string[] args)
    {
        var run = CliRun.Invoke(["evaluate", "--model", _bundle, "--no-track", "--json", .. args]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonNode.Parse(run.Output)!;
    }
}
