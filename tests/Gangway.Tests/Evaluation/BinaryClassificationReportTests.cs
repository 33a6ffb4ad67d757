using System.Text.Json;
using Gangway.Evaluation;

namespace Gangway.Tests.Evaluation;

public class BinaryClassificationReportTests
{
    private static readonly string[] TopLevelKeys =
    [
        "accuracy", "precision", "recall", "f1", "roc_auc", "log_loss", "brier", "expected_calibration_error", "confusion_matrix", "calibration", "rows",
        "positives", "slices", "baselines",
    ];

    private static BinaryClassificationReport Report() => new BinaryClassificationEvaluator(new BinaryClassificationEvaluatorOptions
    {
        LabelColumn = "Survived",
        PositiveClass = "yes",
        SliceColumns = ["Sex"],
        Baselines = [new MajorityClassBaseline(0.25)],
    }).Evaluate(ScoredTables.Text());

    [Fact]
    public void ToJson_TopLevel_HasExactlyTheDocumentedKeys()
    {
        using var json = JsonDocument.Parse(Report().ToJson());

        Assert.Equal(TopLevelKeys, json.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void ToJson_SlicesAndBaselines_AreKeyedObjectsOfMetrics()
    {
        using var json = JsonDocument.Parse(Report().ToJson());
        var root = json.RootElement;

        var sex = root.GetProperty("slices").GetProperty("Sex");
        Assert.Equal(["female", "male", "(missing)"], sex.EnumerateObject().Select(p => p.Name));
        Assert.Equal(TopLevelKeys[..^2], sex.GetProperty("male").EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, sex.GetProperty("(missing)").GetProperty("rows").GetInt32());
        Assert.Equal(0, root.GetProperty("baselines").GetProperty("majority_class").GetProperty("confusion_matrix").GetProperty("tp").GetInt32());
    }

    [Fact]
    public void ToJson_UndefinedAuc_IsNullNotNaN()
    {
        var text = Report().ToJson();
        using var json = JsonDocument.Parse(text);

        var missing = json.RootElement.GetProperty("slices").GetProperty("Sex").GetProperty("(missing)");
        Assert.Equal(JsonValueKind.Null, missing.GetProperty("roc_auc").ValueKind);
        Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_Numbers_AreFullDoublesAndConfusionMatrixNamesLabels()
    {
        using var json = JsonDocument.Parse(Report().ToJson());
        var root = json.RootElement;

        Assert.Equal(4.0 / 6, root.GetProperty("accuracy").GetDouble());
        Assert.Equal(0.82 / 6, root.GetProperty("brier").GetDouble(), 1e-15);
        var matrix = root.GetProperty("confusion_matrix");
        Assert.Equal(["tp", "fp", "tn", "fn", "positive_label", "negative_label"], matrix.EnumerateObject().Select(p => p.Name));
        Assert.Equal("no", matrix.GetProperty("negative_label").GetString());
        var bin = root.GetProperty("calibration")[0];
        Assert.Equal(["lower", "upper", "count", "mean_predicted", "observed_rate"], bin.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0.1, bin.GetProperty("lower").GetDouble());
    }
}
