using Gangway.Tests.Bundles;
using Gangway.Tuning;

namespace Gangway.Tests.Tuning;

public class TuningGridReaderTests
{
    [Fact]
    public void Parse_FullGrid_ReadsEveryKeyInFileOrder()
    {
        var grid = TuningGridReader.Parse("""
            metric: log_loss
            folds: 3
            search: random
            trials: 4
            seed: 7
            parameters:
              learner.trees: [50, 100, 200]
              features[2].strategy: [mean, median]
              seed: [1, 2]
            """);

        Assert.Equal("log_loss", grid.Metric);
        Assert.True(grid.LowerIsBetter);
        Assert.Equal(3, grid.Folds);
        Assert.Equal(SearchKind.Random, grid.Search);
        Assert.Equal(4, grid.Trials);
        Assert.Equal(7, grid.Seed);
        Assert.Equal(["learner.trees", "features[2].strategy", "seed"], grid.Parameters.Select(p => p.Path));
        Assert.Equal(["50", "100", "200"], grid.Parameters[0].Values);
        Assert.Equal(12, grid.CombinationCount);
    }

    [Fact]
    public void Parse_OnlyMetricAndParameters_UsesTheDefaults()
    {
        var grid = TuningGridReader.Parse("{\"metric\": \"roc_auc\", \"parameters\": {\"learner.trees\": [10, 20]}}");

        Assert.False(grid.LowerIsBetter);
        Assert.Equal(5, grid.Folds);
        Assert.Equal(SearchKind.Grid, grid.Search);
        Assert.Null(grid.Trials);
        Assert.Equal(42, grid.Seed);
    }

    [Fact]
    public void Parse_ListValue_KeepsTheList()
    {
        var grid = TuningGridReader.Parse("metric: f1\nparameters:\n  features[2].columns: [[Age], [Age, Fare]]\n");

        var second = Assert.IsType<List<object?>>(grid.Parameters[0].Values[1]);
        Assert.Equal(["Age", "Fare"], second);
    }

    [Fact]
    public void Parse_UnknownMetric_ListsTheKnownMetrics()
    {
        var ex = Assert.Throws<GangwayException>(() => TuningGridReader.Parse("metric: auc\nparameters:\n  seed: [1]\n", "grid.yaml"));

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
        Assert.Equal("grid.yaml, 'metric' (line 1): must be one of accuracy, precision, recall, f1, roc_auc, log_loss, brier; got 'auc'.", ex.Message);
    }

    [Fact]
    public void Parse_EmptyValueList_NamesTheParameter()
    {
        var ex = Assert.Throws<GangwayException>(() => TuningGridReader.Parse("metric: f1\nparameters:\n  learner.trees: []\n", "grid.yaml"));

        Assert.Equal("grid.yaml, 'parameters.learner.trees' (line 3): must list at least one value to try.", ex.Message);
    }

    [Fact]
    public void Parse_SingleValueInsteadOfList_AsksForAList()
    {
        var ex = Assert.Throws<GangwayException>(() => TuningGridReader.Parse("metric: f1\nparameters:\n  learner.trees: 100\n", "grid.yaml"));

        Assert.Contains("'parameters.learner.trees' (line 3): must be a list of values to try", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RepeatedValue_NamesTheValue()
    {
        var ex = Assert.Throws<GangwayException>(() => TuningGridReader.Parse("metric: f1\nparameters:\n  seed: [1, 2, 1]\n"));

        Assert.Contains("'parameters.seed' (line 3): lists the value '1' more than once", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoParameters_IsAnError()
    {
        var ex = Assert.Throws<GangwayException>(() => TuningGridReader.Parse("metric: f1\nparameters: {}\n", "grid.yaml"));

        Assert.Equal("grid.yaml, 'parameters' (line 2): must list at least one parameter (path: [values]).", ex.Message);
    }

    [Fact]
    public void Parse_RandomWithoutTrials_AsksForTrials()
    {
        var ex = Assert.Throws<GangwayException>(() => TuningGridReader.Parse("metric: f1\nsearch: random\nparameters:\n  seed: [1, 2]\n", "grid.yaml"));

        Assert.Equal("grid.yaml: needs 'trials' (how many candidates to draw) with 'search: random'.", ex.Message);
    }

    [Fact]
    public void Parse_TrialsWithGridSearch_IsAnError()
    {
        var ex = Assert.Throws<GangwayException>(() => TuningGridReader.Parse("metric: f1\ntrials: 3\nparameters:\n  seed: [1, 2]\n", "grid.yaml"));

        Assert.Contains("'trials' (line 2): only applies to 'search: random'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("folds: 1", "'folds' (line 2): must be at least 2; got 1")]
    [InlineData("search: bayes", "'search' (line 2): must be grid or random; got 'bayes'")]
    [InlineData("seed: x", "'seed' (line 2): must be a whole number; got 'x'")]
    [InlineData("metrics: f1", "'metrics' (line 2): is not a known key; known keys here: metric, folds, repeats, search, trials, seed, parameters")]
    public void Parse_BadSetting_NamesTheKeyAndValue(string line, string expected)
    {
        var ex = Assert.Throws<GangwayException>(() => TuningGridReader.Parse($"metric: f1\n{line}\nparameters:\n  seed: [1, 2]\n", "grid.yaml"));

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_Missing_IsNotFound()
    {
        using var temp = new TempDirectory();

        var ex = Assert.Throws<GangwayException>(() => TuningGridReader.ReadFile(Path.Combine(temp.Path, "grid.yaml")));

        Assert.Equal(ErrorKind.NotFound, ex.Kind);
        Assert.Contains("grid.yaml' does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Repeats_ReadsThemBesideTheFoldsAndDefaultsToOne()
    {
        var grid = TuningGridReader.Parse("metric: f1\nfolds: 4\nrepeats: 3\nparameters:\n  learner.trees: [5]\n");
        var plain = TuningGridReader.Parse("metric: f1\nparameters:\n  learner.trees: [5]\n");

        Assert.Equal((4, 3), (grid.Folds, grid.Repeats));
        Assert.Equal(1, plain.Repeats);
        Assert.Equal(SelectionRule.Best, plain.Selection);
    }

    [Fact]
    public void Parse_NoRepeats_ThrowsNamingTheKeyAndValue()
    {
        var error = Assert.Throws<GangwayException>(() => TuningGridReader.Parse("metric: f1\nrepeats: 0\nparameters:\n  learner.trees: [5]\n"));

        Assert.Contains("repeats", error.Message, StringComparison.Ordinal);
        Assert.Contains("must be at least 1; got 0", error.Message, StringComparison.Ordinal);
    }
}
