using System.Globalization;
using System.Text.Json.Nodes;

namespace Gangway.Cli.Tests.Commands;

/// <summary>A spec's <c>calibration:</c> through the CLI: train, inspect, evaluate (with its expected calibration error) and cv.</summary>
public sealed class CalibrationCommandsTests : IDisposable
{
    private readonly ExampleWorkspace _workspace = new();
    private readonly string _plain;
    private readonly string _calibrated;

    public CalibrationCommandsTests()
    {
        File.WriteAllText(_workspace["calibrated.yaml"], File.ReadAllText(_workspace["baseline.yaml"]) + "\ncalibration: {method: platt, folds: 4}\n");
        (_plain, _calibrated) = (_workspace["plain.gwb"], _workspace["calibrated.gwb"]);
        foreach (var (spec, bundle) in new[] { ("baseline.yaml", _plain), ("calibrated.yaml", _calibrated) })
        {
            var trained = CliRun.Invoke("train", "--spec", _workspace[spec], "--data", _workspace["train.csv"], "--out", bundle, "--no-track");
            Assert.True(trained.ExitCode == 0, trained.ToString());
        }
    }

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Evaluate_Json_ReportsTheCalibrationErrorOfItsBinsWithAnInterval()
    {
        var report = Evaluate(_calibrated);

        var bins = report["calibration"]!.AsArray();
        var expected = bins.Sum(b => b!["count"]!.GetValue<int>() * Math.Abs(b["mean_predicted"]!.GetValue<double>() - b["observed_rate"]!.GetValue<double>()))
            / report["rows"]!.GetValue<int>();
        Assert.Equal(expected, report["expected_calibration_error"]!.GetValue<double>(), 1e-12);
        var interval = report["confidence_intervals"]!["expected_calibration_error"]!.AsArray();
        Assert.True(interval[0]!.GetValue<double>() < interval[1]!.GetValue<double>());
        Assert.NotNull(report["slices"]!["Sex"]!["female"]!["expected_calibration_error"]);
        Assert.NotEqual(Evaluate(_plain)["expected_calibration_error"]!.GetValue<double>(), report["expected_calibration_error"]!.GetValue<double>());
    }

    [Fact]
    public void Evaluate_Table_ShowsTheCalibrationErrorUnderTheCalibrationTable()
    {
        var report = Evaluate(_calibrated);

        var run = CliRun.Invoke("evaluate", "--model", _calibrated, "--data", _workspace["validation.csv"], "--no-track");

        Assert.True(run.ExitCode == 0, run.ToString());
        var interval = report["confidence_intervals"]!["expected_calibration_error"]!.AsArray();
        var expected = string.Create(
            CultureInfo.InvariantCulture,
            $"expected calibration error: {report["expected_calibration_error"]!.GetValue<double>():0.000} [{interval[0]!.GetValue<double>():0.000}, {interval[1]!.GetValue<double>():0.000}]");
        Assert.Contains(expected, run.Output, StringComparison.Ordinal);
        Assert.True(run.Output.IndexOf("calibration (predicted vs observed", StringComparison.Ordinal) < run.Output.IndexOf(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Inspect_CalibratedModel_ShowsTheCalibrator()
    {
        var table = CliRun.Invoke("inspect", _calibrated);
        var json = CliRun.Invoke("inspect", _calibrated, "--json");
        var plain = CliRun.Invoke("inspect", _plain, "--json");

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("platt: 1 / (1 + exp(-(", table.Output, StringComparison.Ordinal);
        Assert.Contains("712 training rows (4 folds)", table.Output, StringComparison.Ordinal);
        var calibration = JsonNode.Parse(json.Output)!["calibration"]!;
        Assert.Equal("platt", calibration["method"]!.GetValue<string>());
        Assert.Equal(4, calibration["folds"]!.GetValue<int>());
        Assert.Null(JsonNode.Parse(plain.Output)!["calibration"]);
    }

    [Fact]
    public void CrossValidate_CalibratedSpec_CalibratesEachFold()
    {
        string Cv(string spec)
        {
            var run = CliRun.Invoke("cv", "--no-track", "--spec", _workspace[spec], "--data", _workspace["train.csv"], "--folds", "3", "--json");
            Assert.True(run.ExitCode == 0, run.ToString());
            return run.Output;
        }

        Assert.NotEqual(Cv("baseline.yaml"), Cv("calibrated.yaml"));
    }

    private JsonNode Evaluate(string bundle)
    {
        var run = CliRun.Invoke("evaluate", "--model", bundle, "--data", _workspace["validation.csv"], "--no-track", "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonNode.Parse(run.Output)!;
    }
}
