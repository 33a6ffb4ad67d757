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

        Assert.Equal(["folds", "summary", "per_fold"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, root.GetProperty("folds").GetInt32());
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
}
