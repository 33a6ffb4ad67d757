using Gangway.Specs;

namespace Gangway.Tests.Specs;

public class PromotionSpecReaderTests
{
    private const string Head = """
        name: demo
        target:
          column: Survived
          positive: "1"
        inputs:
          Pclass: numeric
          Sex: text
        learner:
          type: fast_tree

        """;

    [Fact]
    public void Read_FullSection_ReadsEveryGateInOrder()
    {
        var spec = ModelSpecReader.Parse(Head + """
            promotion:
              data: data/validation.csv
              minimum: { roc_auc: 0.85, accuracy: 0.80 }
              no_regression: { metric: roc_auc, tolerance: 0.01 }
              slices:
                - column: Sex
                  minimum: { accuracy: 0.70 }
              fairness:
                - column: Sex
                  metric: true_positive_rate
                  max_gap: 0.40
            """).Promotion!;

        Assert.Equal("data/validation.csv", spec.Data);
        Assert.Equal([new MetricThreshold("roc_auc", 0.85), new MetricThreshold("accuracy", 0.80)], spec.Minimum);
        Assert.Equal(new NoRegressionGate("roc_auc", 0.01), spec.NoRegression);
        var slice = Assert.Single(spec.Slices);
        Assert.Equal("Sex", slice.Column);
        Assert.Equal([new MetricThreshold("accuracy", 0.70)], slice.Minimum);
        Assert.Equal([new FairnessGate("Sex", "true_positive_rate", 0.40)], spec.Fairness);
    }

    [Fact]
    public void Read_Json_IsAccepted()
    {
        var json = """
            {"name": "j", "target": {"column": "y", "positive": "yes"}, "inputs": {"x": "numeric"},
             "learner": {"type": "logistic_regression"},
             "promotion": {"data": "v.csv", "no_regression": {"metric": "log_loss"}}}
            """;

        var promotion = ModelSpecReader.Parse(json).Promotion!;

        Assert.Equal("v.csv", promotion.Data);
        Assert.Equal(new NoRegressionGate("log_loss", 0), promotion.NoRegression);
        Assert.Empty(promotion.Minimum);
    }

    [Fact]
    public void Read_NoSection_LeavesPromotionNull()
    {
        Assert.Null(ModelSpecReader.Parse(Head).Promotion);
    }

    [Fact]
    public void Read_UnknownKey_ListsTheKnownKeys()
    {
        var ex = Assert.Throws<GangwayException>(() => ModelSpecReader.Parse(Head + """
            promotion:
              data: v.csv
              minimum: { roc_auc: 0.8 }
              maximum: { log_loss: 0.5 }
            """));

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
        Assert.Contains("'promotion.maximum' (line 13): is not a known key; known keys here: data, minimum, no_regression, slices, fairness, confidence, beats, upsell", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingData_NamesTheKey()
    {
        var ex = Assert.Throws<GangwayException>(() => ModelSpecReader.Parse(Head + """
            promotion:
              minimum: { roc_auc: 0.8 }
            """));

        Assert.Contains("'promotion' (line 11): needs 'data'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ThresholdNotANumber_NamesTheKeyAndValue()
    {
        var ex = Assert.Throws<GangwayException>(() => ModelSpecReader.Parse(Head + """
            promotion:
              data: v.csv
              minimum: { roc_auc: high }
            """));

        Assert.Contains("'promotion.minimum.roc_auc' (line 12): must be a number; got 'high'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("titanic.yaml")]
    [InlineData("baseline.yaml")]
    public void ReadFile_TitanicExamples_DeclareTheSameGatesWithConfidence(string file)
    {
        var promotion = ModelSpecReader.ReadFile(Path.Combine("TestData", "titanic", file)).Promotion!;

        Assert.Equal("data/validation.csv", promotion.Data);
        Assert.True(File.Exists(Path.Combine("TestData", "titanic", promotion.Data)));
        Assert.Equal(0.95, promotion.Confidence);
        Assert.Equal([new MetricThreshold("roc_auc", 0.80)], promotion.Minimum);
        Assert.Equal(new NoRegressionGate("roc_auc", 0.02), promotion.NoRegression);
        Assert.Equal(["women_survive"], promotion.Beats!.Of);
        Assert.Equal("true_positive_rate", Assert.Single(promotion.Fairness).Metric);
        Assert.Equal((0.10, true), (promotion.Upsell!.MaxGap, promotion.Upsell.Monotone));
    }

    [Fact]
    public void Read_Confidence_AtThePromotionLevelAndInsideEachGate()
    {
        var spec = ModelSpecReader.Parse(Head + """
            promotion:
              data: v.csv
              confidence: 0.9
              minimum: { roc_auc: 0.85, confidence: 0.95 }
              no_regression: { metric: roc_auc, tolerance: 0.01, confidence: 0.8 }
              slices:
                - column: Sex
                  minimum: { accuracy: 0.70, confidence: 0.99 }
                - column: Pclass
                  minimum: { accuracy: 0.60 }
            """).Promotion!;

        Assert.Equal(0.9, spec.Confidence);
        Assert.Equal([new MetricThreshold("roc_auc", 0.85)], spec.Minimum);
        Assert.Equal(0.95, spec.MinimumConfidence);
        Assert.Equal(0.8, spec.NoRegression!.Confidence);
        Assert.Equal([0.99, null], spec.Slices.Select(s => s.Confidence));
        Assert.Equal([new MetricThreshold("accuracy", 0.70)], spec.Slices[0].Minimum);
        Assert.Equal(0.9, spec.ConfidenceFor(spec.Slices[1].Confidence));
    }

    [Fact]
    public void Read_BeatsAsAList_ComparesRocAucAtTheDefaultLevel()
    {
        var spec = ModelSpecReader.Parse(Head + """
            baselines:
              - name: women_survive
                column: Sex
                equals: female
            promotion:
              data: v.csv
              beats: [women_survive, champion]
            """).Promotion!;

        Assert.Equal(new BeatsGate(["women_survive", "champion"]), spec.Beats);
        Assert.Equal("roc_auc", spec.Beats!.Metric);
        Assert.Null(spec.Beats.Confidence);
    }

    [Fact]
    public void Read_BeatsAsAMapping_TakesTheMetricAndConfidence()
    {
        var spec = ModelSpecReader.Parse(Head + """
            promotion:
              data: v.csv
              beats: { of: [champion], metric: accuracy, confidence: 0.9 }
            """).Promotion!;

        Assert.Equal(new BeatsGate(["champion"], "accuracy") { Confidence = 0.9 }, spec.Beats);
    }
}
