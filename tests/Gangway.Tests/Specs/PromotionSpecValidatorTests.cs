using Gangway.Data;
using Gangway.Specs;

namespace Gangway.Tests.Specs;

public class PromotionSpecValidatorTests
{
    private static readonly ModelSpec Valid = new()
    {
        Name = "passengers",
        Target = new TargetSpec("Survived", "1"),
        IdColumns = [new InputColumnSpec("PassengerId", ColumnType.Numeric)],
        Baselines = [new RuleBaselineSpec("women_survive", "Sex", "female")],
        Inputs = [new InputColumnSpec("Pclass", ColumnType.Numeric), new InputColumnSpec("Sex", ColumnType.Text)],
        Learner = new StepSpec("fast_tree", new Dictionary<string, object?>()),
        Promotion = new PromotionSpec
        {
            Data = "validation.csv",
            Minimum = [new MetricThreshold("roc_auc", 0.85), new MetricThreshold("log_loss", 2.5)],
            NoRegression = new NoRegressionGate("roc_auc", 0.01),
            Slices = [new SliceGate("Sex", [new MetricThreshold("accuracy", 0.7)])],
            Fairness = [new FairnessGate("Pclass", "positive_rate", 0.4)],
        },
    };

    private static PromotionSpec Gates => Valid.Promotion!;

    [Fact]
    public void Validate_ConsistentGates_Passes()
    {
        Assert.Null(Record.Exception(() => ModelSpecValidator.Validate(Valid)));
    }

    [Fact]
    public void Validate_UnknownMetric_ListsTheKnownMetrics()
    {
        var spec = Valid with { Promotion = Gates with { Minimum = [new MetricThreshold("auc", 0.8)] } };

        var ex = Assert.Throws<GangwayException>(() => ModelSpecValidator.Validate(spec));

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
        Assert.Equal("Spec: promotion.minimum names metric 'auc', which is not known; known metrics: accuracy, precision, recall, f1, roc_auc, log_loss, brier.", ex.Message);
    }

    [Fact]
    public void Validate_UnknownNoRegressionMetric_NamesTheKey()
    {
        var spec = Valid with { Promotion = Gates with { NoRegression = new NoRegressionGate("gini") } };

        var ex = Assert.Throws<GangwayException>(() => ModelSpecValidator.Validate(spec));

        Assert.StartsWith("Spec: promotion.no_regression.metric names metric 'gini', which is not known; known metrics: accuracy", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NegativeTolerance_NamesTheValue()
    {
        var spec = Valid with { Promotion = Gates with { NoRegression = new NoRegressionGate("roc_auc", -0.01) } };

        var ex = Assert.Throws<GangwayException>(() => ModelSpecValidator.Validate(spec));

        Assert.Equal("Spec: promotion.no_regression.tolerance must be a number of at least 0; got -0.01.", ex.Message);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public void Validate_MaxGapOutsideZeroToOne_NamesTheValue(double gap)
    {
        var spec = Valid with { Promotion = Gates with { Fairness = [new FairnessGate("Sex", "accuracy", gap)] } };

        var ex = Assert.Throws<GangwayException>(() => ModelSpecValidator.Validate(spec));

        Assert.Equal($"Spec: promotion.fairness[0].max_gap must be between 0 and 1; got {Column.FormatNumber(gap)}.", ex.Message);
    }

    [Fact]
    public void Validate_UnknownFairnessMetric_ListsTheGroupMetrics()
    {
        var spec = Valid with { Promotion = Gates with { Fairness = [new FairnessGate("Sex", "roc_auc", 0.1)] } };

        var ex = Assert.Throws<GangwayException>(() => ModelSpecValidator.Validate(spec));

        Assert.Equal("Spec: promotion.fairness[0].metric 'roc_auc' is not a group metric; known: true_positive_rate, false_positive_rate, positive_rate, accuracy.", ex.Message);
    }

    [Fact]
    public void Validate_MissingData_SaysWhatItIsFor()
    {
        var spec = Valid with { Promotion = Gates with { Data = " " } };

        var ex = Assert.Throws<GangwayException>(() => ModelSpecValidator.Validate(spec));

        Assert.Contains("promotion.data must name the labelled data file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoGates_IsAnError()
    {
        var spec = Valid with { Promotion = new PromotionSpec { Data = "v.csv" } };

        var ex = Assert.Throws<GangwayException>(() => ModelSpecValidator.Validate(spec));

        Assert.Contains("promotion declares no gates", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SliceColumnNotDeclared_ListsTheDeclaredColumns()
    {
        var spec = Valid with { Promotion = Gates with { Slices = [new SliceGate("Age", [new MetricThreshold("accuracy", 0.7)])] } };

        var ex = Assert.Throws<GangwayException>(() => ModelSpecValidator.Validate(spec));

        Assert.Equal("Spec: promotion.slices[0].column 'Age' is not an input or id column; declared columns: Pclass, Sex, PassengerId.", ex.Message);
    }

    [Fact]
    public void Validate_SliceWithoutThresholds_IsAnError()
    {
        var spec = Valid with { Promotion = Gates with { Slices = [new SliceGate("Sex", [])] } };

        var ex = Assert.Throws<GangwayException>(() => ModelSpecValidator.Validate(spec));

        Assert.Contains("promotion.slices[0].minimum must give at least one metric threshold for the groups of 'Sex'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("accuracy", 1.2, "between 0 and 1; got 1.2")]
    [InlineData("log_loss", -1, "a number of at least 0; got -1")]
    public void Validate_ThresholdOutOfRange_NamesTheMetricAndValue(string metric, double value, string expected)
    {
        var spec = Valid with { Promotion = Gates with { Minimum = [new MetricThreshold(metric, value)] } };

        var ex = Assert.Throws<GangwayException>(() => ModelSpecValidator.Validate(spec));

        Assert.Equal($"Spec: promotion.minimum.{metric} must be {expected}.", ex.Message);
    }

    [Fact]
    public void Validate_RepeatedMetric_IsAnError()
    {
        var spec = Valid with { Promotion = Gates with { Minimum = [new MetricThreshold("f1", 0.5), new MetricThreshold("f1", 0.6)] } };

        var ex = Assert.Throws<GangwayException>(() => ModelSpecValidator.Validate(spec));

        Assert.Equal("Spec: promotion.minimum lists 'f1' twice.", ex.Message);
    }

    [Fact]
    public void Validate_OnlyABeatsGate_Passes()
    {
        var spec = Valid with { Promotion = new PromotionSpec { Data = "v.csv", Beats = new BeatsGate(["women_survive", "majority_class", "champion"]) } };

        Assert.Null(Record.Exception(() => ModelSpecValidator.Validate(spec)));
    }

    [Fact]
    public void Validate_BeatsAnUnknownName_ListsTheNamesItMayUse()
    {
        var spec = Valid with { Promotion = Gates with { Beats = new BeatsGate(["women_survives"]) } };

        var ex = Assert.Throws<GangwayException>(() => ModelSpecValidator.Validate(spec));

        Assert.Contains("promotion.beats names 'women_survives', which is neither a baseline of this spec nor 'champion'; known: women_survive, majority_class, champion", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BeatsNothingOrTwice_IsAnError()
    {
        var empty = Assert.Throws<GangwayException>(() => ModelSpecValidator.Validate(Valid with { Promotion = Gates with { Beats = new BeatsGate([]) } }));
        var twice = Assert.Throws<GangwayException>(() => ModelSpecValidator.Validate(Valid with { Promotion = Gates with { Beats = new BeatsGate(["champion", "champion"]) } }));

        Assert.Contains("promotion.beats must name at least one model to beat", empty.Message, StringComparison.Ordinal);
        Assert.Contains("promotion.beats lists 'champion' twice", twice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BeatsUnknownMetric_NamesTheKey()
    {
        var ex = Assert.Throws<GangwayException>(() => ModelSpecValidator.Validate(Valid with { Promotion = Gates with { Beats = new BeatsGate(["champion"], "auc") } }));

        Assert.Contains("promotion.beats.metric names metric 'auc'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("promotion", 1.0)]
    [InlineData("minimum", 0.0)]
    [InlineData("no_regression", 95.0)]
    [InlineData("slices", -0.5)]
    [InlineData("beats", 1.5)]
    public void Validate_ConfidenceOutsideZeroToOne_NamesTheKeyAndValue(string where, double confidence)
    {
        var gates = where switch
        {
            "promotion" => Gates with { Confidence = confidence },
            "minimum" => Gates with { MinimumConfidence = confidence },
            "no_regression" => Gates with { NoRegression = Gates.NoRegression! with { Confidence = confidence } },
            "slices" => Gates with { Slices = [Gates.Slices[0] with { Confidence = confidence }] },
            _ => Gates with { Beats = new BeatsGate(["champion"]) { Confidence = confidence } },
        };
        var key = where switch
        {
            "promotion" => "promotion.confidence",
            "minimum" => "promotion.minimum.confidence",
            "no_regression" => "promotion.no_regression.confidence",
            "slices" => "promotion.slices[0].minimum.confidence",
            _ => "promotion.beats.confidence",
        };

        var ex = Assert.Throws<GangwayException>(() => ModelSpecValidator.Validate(Valid with { Promotion = gates }));

        Assert.Contains($"{key} must be a confidence level strictly between 0 and 1, e.g. 0.95; got {Column.FormatNumber(confidence)}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MinimumConfidenceWithoutThresholds_IsAnError()
    {
        var ex = Assert.Throws<GangwayException>(() => ModelSpecValidator.Validate(Valid with { Promotion = Gates with { Minimum = [], MinimumConfidence = 0.95 } }));

        Assert.Contains("promotion.minimum gives a confidence but no metric threshold", ex.Message, StringComparison.Ordinal);
    }
}
