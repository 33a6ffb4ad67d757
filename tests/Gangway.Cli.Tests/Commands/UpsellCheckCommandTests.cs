using System.Text.Json.Nodes;
using Gangway.Data;

namespace Gangway.Cli.Tests.Commands;

/// <summary><c>gangway upsell check</c> on the Titanic example's notebook model (baseline.yaml), trained on train.csv.</summary>
public sealed class UpsellCheckCommandTests(UpsellCheckCommandTests.Trained trained) : IClassFixture<UpsellCheckCommandTests.Trained>
{
    [Fact]
    public void Check_Table_ShowsEachTierAndSexWithIntervalsAndTheFalls()
    {
        var run = CliRun.Invoke("upsell", "check", "--model", trained.Baseline, "--data", trained.Workspace["train.csv"], "--strata", "Sex", "--bootstrap", "200");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("titanic-baseline moved up 'Pclass', by Sex", run.Output, StringComparison.Ordinal);
        Assert.Contains("probability falls moving up", run.Output, StringComparison.Ordinal);
        var rows = run.Output.Split('\n').Where(l => l.StartsWith("│ 2 ", StringComparison.Ordinal) || l.StartsWith("│ 1 ", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Matches(@"│ [12] +│ (female|male) +│ +\d+ │ \d\.\d{3} \[\d\.\d{3}, \d\.\d{3}\] │ +\d+ │ \d\.\d{3} \[\d\.\d{3}, \d\.\d{3}\] │ [+−]\d\.\d{3} \[[+−]\d\.\d{3}, [+−]\d\.\d{3}\] │", r));
    }

    [Fact]
    public void Check_Json_ObservedRatesAreTheSurvivalRatesInTrainCsv()
    {
        var run = CliRun.Invoke("upsell", "check", "--model", trained.Baseline, "--data", trained.Workspace["train.csv"], "--strata", "Sex", "--json", "--bootstrap", "100");
        var train = CsvReader.ReadFile(trained.Workspace["train.csv"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var json = JsonNode.Parse(run.Output)!;
        Assert.Equal(712, json["rows"]!.GetValue<int>());
        Assert.Equal(["Sex"], json["strata"]!.AsArray().Select(s => s!.GetValue<string>()));
        var cells = json["cells"]!.AsArray();
        Assert.Equal(4, cells.Count);
        foreach (var cell in cells)
        {
            var (tier, sex) = (cell!["tier"]!.GetValue<string>(), cell["group"]!.GetValue<string>());
            var inTier = Enumerable.Range(0, train.RowCount).Where(r => train[("Pclass")].FormatValue(r) == tier && train["Sex"].FormatValue(r) == sex).ToList();
            var movedIn = Enumerable.Range(0, train.RowCount).Count(r => train["Sex"].FormatValue(r) == sex && string.CompareOrdinal(train["Pclass"].FormatValue(r), tier) > 0);
            Assert.Equal(inTier.Count, cell["observed_rows"]!.GetValue<int>());
            Assert.Equal(movedIn, cell["moved_rows"]!.GetValue<int>());
            Assert.Equal(inTier.Count(r => train["Survived"].FormatValue(r) == "1") / (double)inTier.Count, cell["observed_rate"]!.GetValue<double>(), 12);
            Assert.Equal(cell["counterfactual_mean"]!.GetValue<double>() - cell["observed_rate"]!.GetValue<double>(), cell["gap"]!.GetValue<double>(), 12);
        }

        Assert.Equal(3, json["falls"]!.AsArray().Count);
        Assert.Equal(712 - 173, json["falls"]![0]!["rows"]!.GetValue<int>());
    }

    [Fact]
    public void Check_StrataFromTheSpecWhenNotGiven_GroupsEachTierByThem()
    {
        var run = CliRun.Invoke("upsell", "check", "--model", trained.Baseline, "--data", trained.Workspace["train.csv"], "--json", "--bootstrap", "20");

        Assert.True(run.ExitCode == 0, run.ToString());
        var json = JsonNode.Parse(run.Output)!;
        Assert.Equal(["Sex"], json["strata"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(["female", "male", "female", "male"], json["cells"]!.AsArray().Select(c => c!["group"]!.GetValue<string>()));
    }

    [Fact]
    public void Check_MissingModel_IsNotFoundOnOneLine()
    {
        var run = CliRun.Invoke("upsell", "check", "--model", trained.Workspace["nope.gwb"], "--data", trained.Workspace["train.csv"]);

        Assert.Equal(4, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Contains("nope.gwb", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ModelWithoutUpsell_SaysHowToAddIt()
    {
        var run = CliRun.Invoke("upsell", "check", "--model", trained.NoUpsell, "--data", trained.Workspace["train.csv"]);

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("Model 'sex' has no upsell section in its spec", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_UnknownStratum_ListsTheColumns()
    {
        var run = CliRun.Invoke("upsell", "check", "--model", trained.Baseline, "--data", trained.Workspace["train.csv"], "--strata", "Age");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("Could not find stratum column 'Age' in the reference data. Columns present: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DataWithoutLabels_NamesTheMissingColumn()
    {
        var run = CliRun.Invoke("upsell", "check", "--model", trained.Baseline, "--data", trained.Workspace["predict.csv"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Survived", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void Check_TooFewResamples_IsAConfigurationError()
    {
        var run = CliRun.Invoke("upsell", "check", "--model", trained.Baseline, "--data", trained.Workspace["train.csv"], "--bootstrap", "5");

        Assert.Equal(6, run.ExitCode);
        Assert.Contains("The number of bootstrap resamples must be at least 10; it is 5.", run.Error, StringComparison.Ordinal);
    }

    public sealed class Trained : IDisposable
    {
        public Trained()
        {
            Baseline = Train("baseline.yaml", "baseline.gwb");
            File.WriteAllText(Workspace["sex.yaml"], "name: sex\ntarget:\n  column: Survived\n  positive: \"1\"\ninputs:\n  Pclass: numeric\n  Fare: numeric\nlearner:\n  type: fast_forest\n  trees: 5\nseed: 1\n");
            NoUpsell = Train("sex.yaml", "sex.gwb");
        }

        public ExampleWorkspace Workspace { get; } = new();

        public string Baseline { get; }

        public string NoUpsell { get; }

        public void Dispose() => Workspace.Dispose();

        private string Train(string spec, string bundle)
        {
            var run = CliRun.Invoke("train", "--no-track", "--spec", Workspace[spec], "--data", Workspace["train.csv"], "--out", Workspace[bundle]);
            return run.ExitCode == 0 ? Workspace[bundle] : throw new InvalidOperationException($"Training {spec} failed: {run}");
        }
    }
}
