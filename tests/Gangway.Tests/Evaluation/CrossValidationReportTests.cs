using System.Text.Json;
using Gangway.Evaluation;

namespace Gangway.Tests.Evaluation;

public class CrossValidationReportTests
{
    private static Metrics Fold(double accuracy, double? auc) => new(
        accuracy, 0.5, 0.25, 1.0 / 3, auc, 0.6, 0.2, new ConfusionMatrix(1, 1, 1, 3, "1", "0"), [], 6, 4);

    [Fact]
    public void Summaries_ThreeFolds_GiveMeanAndPopulationStandardDeviation()
    {
        var report = new CrossValidationReport([Fold(0.6, 0.7), Fold(0.8, 0.9), Fold(0.7, null)]);

        var accuracy = report.Summary("accuracy");
        Assert.Equal(0.7, accuracy.Mean!.Value, 1e-12);
        Assert.Equal(Math.Sqrt(0.02 / 3), accuracy.StandardDeviation!.Value, 1e-12);
        Assert.Equal(3, accuracy.Count);
        Assert.Equal(0, report.Summary("brier").StandardDeviation!.Value, 1e-12);
    }

    [Fact]
    public void Summaries_AucUndefinedInSomeFolds_AveragesTheOthers()
    {
        var report = new CrossValidationReport([Fold(0.6, 0.7), Fold(0.8, 0.9), Fold(0.7, null)]);

        var auc = report.Summary("roc_auc");
        Assert.Equal(0.8, auc.Mean!.Value, 1e-12);
        Assert.Equal(0.1, auc.StandardDeviation!.Value, 1e-12);
        Assert.Equal(2, auc.Count);
    }

    [Fact]
    public void ToJson_AucUndefinedInEveryFold_WritesNullNotNaN()
    {
        var text = new CrossValidationReport([Fold(0.6, null), Fold(0.8, null)]).ToJson();
        using var json = JsonDocument.Parse(text);

        var auc = json.RootElement.GetProperty("summary").GetProperty("roc_auc");
        Assert.Equal(JsonValueKind.Null, auc.GetProperty("mean").ValueKind);
        Assert.Equal(0, auc.GetProperty("count").GetInt32());
        Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_Shape_HasFoldCountSummaryAndPerFoldMetrics()
    {
        using var json = JsonDocument.Parse(new CrossValidationReport([Fold(0.6, 0.7), Fold(0.8, 0.9)]).ToJson());
        var root = json.RootElement;

        Assert.Equal(["folds", "repeats", "confidence", "interval_method", "summary", "per_fold"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, root.GetProperty("folds").GetInt32());
        Assert.Equal(1, root.GetProperty("repeats").GetInt32());
        Assert.Equal(
            ["accuracy", "precision", "recall", "f1", "roc_auc", "log_loss", "brier"],
            root.GetProperty("summary").EnumerateObject().Select(p => p.Name));
        Assert.Equal(0.7, root.GetProperty("summary").GetProperty("accuracy").GetProperty("mean").GetDouble(), 1e-12);
        Assert.Equal(0.8, root.GetProperty("per_fold")[1].GetProperty("accuracy").GetDouble());
    }

    [Fact]
    public void Summary_UnknownMetric_ThrowsListingNames()
    {
        var report = new CrossValidationReport([Fold(0.6, 0.7)]);

        var error = Assert.Throws<GangwayException>(() => report.Summary("auc"));

        Assert.Contains("Metrics present: accuracy, precision", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoFolds_Throws()
    {
        Assert.Throws<GangwayException>(() => new CrossValidationReport([]));
    }

    [Fact]
    public void Summaries_TwoRepeatsOfTwoFolds_GiveTheNadeauBengioCorrectedInterval()
    {
        var report = new CrossValidationReport([Fold(0.6, 0.7), Fold(0.8, 0.9), Fold(0.7, 0.7), Fold(0.9, 0.9)], repeats: 2);

        // By hand: J = 4 scores 0.6, 0.8, 0.7, 0.9, mean 0.75, s² = 0.05 / 3; k = 2 so n_test/n_train = 1;
        // variance (1/4 + 1) · s² = 0.0208333, SE = 0.1443376; t(0.975, 3) = 3.1824463, half-width 0.4593466.
        var accuracy = report.Summary("accuracy");
        Assert.Equal((2, 2, 4), (report.Repeats, report.FoldsPerRepeat, accuracy.Count));
        Assert.Equal(0.75, accuracy.Mean!.Value, 1e-12);
        Assert.Equal(Math.Sqrt(0.05 / 4), accuracy.StandardDeviation!.Value, 1e-12);
        Assert.Equal(0.1443376, accuracy.StandardError!.Value, 1e-6);
        Assert.Equal(0.75 - 0.4593466, accuracy.Interval!.Lower, 1e-6);
        Assert.Equal(0.75 + 0.4593466, accuracy.Interval.Upper, 1e-6);
    }

    [Fact]
    public void Summaries_FiveFolds_CorrectedIntervalIsWiderThanTheNaiveOne()
    {
        var report = new CrossValidationReport([Fold(0.6, 0.7), Fold(0.8, 0.9), Fold(0.7, 0.7), Fold(0.9, 0.9), Fold(0.75, 0.8)]);

        // Naive variance s²/5 against corrected (1/5 + 1/4) s²: the standard error grows by sqrt(0.45 / 0.2) = 1.5.
        var accuracy = report.Summary("accuracy");
        var values = new[] { 0.6, 0.8, 0.7, 0.9, 0.75 };
        var naive = Math.Sqrt(values.Sum(v => (v - 0.75) * (v - 0.75)) / 4 / 5);
        Assert.Equal(1.5 * naive, accuracy.StandardError!.Value, 1e-12);
    }

    [Fact]
    public void Summaries_OneFoldOrOneDefinedScore_HaveNoInterval()
    {
        var report = new CrossValidationReport([Fold(0.6, 0.7), Fold(0.8, null)]);

        Assert.Null(report.Summary("roc_auc").Interval);
        Assert.NotNull(report.Summary("accuracy").Interval);
        Assert.Null(new CrossValidationReport([Fold(0.6, 0.7)]).Summary("accuracy").StandardError);
    }

    [Fact]
    public void ToJson_TwoRepeats_NumbersEachFoldWithItsRepeatAndWritesTheInterval()
    {
        using var json = JsonDocument.Parse(new CrossValidationReport([Fold(0.6, 0.7), Fold(0.8, 0.9), Fold(0.7, 0.7), Fold(0.9, 0.9)], repeats: 2).ToJson());
        var root = json.RootElement;

        Assert.Equal((2, 2), (root.GetProperty("folds").GetInt32(), root.GetProperty("repeats").GetInt32()));
        Assert.Equal("nadeau_bengio_corrected_t", root.GetProperty("interval_method").GetString());
        Assert.Equal([(1, 1), (1, 2), (2, 1), (2, 2)], root.GetProperty("per_fold").EnumerateArray().Select(f => (f.GetProperty("repeat").GetInt32(), f.GetProperty("fold").GetInt32())));
        var interval = root.GetProperty("summary").GetProperty("accuracy").GetProperty("interval");
        Assert.Equal(0.75 - 0.4593466, interval[0].GetDouble(), 1e-6);
        Assert.Equal(0.1443376, root.GetProperty("summary").GetProperty("accuracy").GetProperty("std_error").GetDouble(), 1e-6);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Constructor_RepeatsThatDoNotDivideTheFolds_Throws(int repeats)
    {
        var error = Assert.Throws<GangwayException>(() => new CrossValidationReport([Fold(0.6, 0.7), Fold(0.8, 0.9)], repeats));

        Assert.Contains($"divide the 2 folds; got {repeats}", error.Message, StringComparison.Ordinal);
    }
}
