using Gangway.Specs;

namespace Gangway.Tests.Specs;

public class ModelSpecWriterTests
{
    [Fact]
    public void Write_ThenRead_GivesAnEqualSpec()
    {
        var original = ModelSpecReader.ReadFile(Path.Combine("TestData", "titanic", "titanic.yaml"));

        var roundTripped = ModelSpecReader.Parse(ModelSpecWriter.Write(original), baseDirectory: Path.Combine("TestData", "titanic"));

        Assert.Equal(ModelSpecWriter.Write(original), ModelSpecWriter.Write(roundTripped));
        Assert.Equal(original.Inputs, roundTripped.Inputs);
        Assert.Equal(original.Slices, roundTripped.Slices);
        Assert.Equal(original.Baselines, roundTripped.Baselines);
        Assert.Equal(original.Target, roundTripped.Target);
        Assert.Equal("titanic.schema.yaml", roundTripped.ContractPath);
        Assert.NotNull(roundTripped.Contract);
    }

    [Fact]
    public void Write_SpecBuiltInCode_QuotesAwkwardText()
    {
        var spec = new ModelSpec
        {
            Name = "code-built",
            Description = "quotes \" and: colons\nand lines",
            Target = new TargetSpec("label", "yes"),
            Inputs = [new InputColumnSpec("x: y", Gangway.Data.ColumnType.Numeric)],
            Learner = new StepSpec("fast_tree", new Dictionary<string, object?> { ["trees"] = "5" }),
        };

        var read = ModelSpecReader.Parse(ModelSpecWriter.Write(spec));

        Assert.Equal(spec.Description, read.Description);
        Assert.Equal("x: y", Assert.Single(read.Inputs).Name);
        Assert.Equal("5", read.Learner.Arguments["trees"]);
    }

    [Theory]
    [InlineData("titanic.yaml")]
    [InlineData("baseline.yaml")]
    public void Write_ThenRead_KeepsTheUpsellSection(string file)
    {
        var original = ModelSpecReader.ReadFile(Path.Combine("TestData", "titanic", file));

        var read = ModelSpecReader.Parse(ModelSpecWriter.Write(original), baseDirectory: Path.Combine("TestData", "titanic")).Upsell!;

        Assert.Equal(original.Upsell!.Column, read.Column);
        Assert.Equal(original.Upsell.Order, read.Order);
        Assert.Equal(original.Upsell.Fields, read.Fields);
        Assert.Equal(original.Upsell.Threshold, read.Threshold);
    }

    [Fact]
    public void Write_SpecWithoutUpsell_WritesNoUpsellKey()
    {
        var spec = new ModelSpec
        {
            Name = "plain",
            Target = new TargetSpec("label", "yes"),
            Inputs = [new InputColumnSpec("x", Gangway.Data.ColumnType.Numeric)],
            Learner = new StepSpec("fast_tree", new Dictionary<string, object?>()),
        };

        var yaml = ModelSpecWriter.Write(spec);

        Assert.DoesNotContain("upsell", yaml, StringComparison.Ordinal);
        Assert.Null(ModelSpecReader.Parse(yaml).Upsell);
    }

    [Fact]
    public void Write_ThenRead_KeepsThePromotionSection()
    {
        var spec = new ModelSpec
        {
            Name = "gated",
            Target = new TargetSpec("label", "yes"),
            Inputs = [new InputColumnSpec("x", Gangway.Data.ColumnType.Numeric), new InputColumnSpec("group: a", Gangway.Data.ColumnType.Text)],
            Learner = new StepSpec("fast_tree", new Dictionary<string, object?>()),
            Promotion = new PromotionSpec
            {
                Data = "data/held out.csv",
                Minimum = [new MetricThreshold("roc_auc", 0.85), new MetricThreshold("brier", 0.2)],
                NoRegression = new NoRegressionGate("roc_auc", 0.005),
                Slices = [new SliceGate("group: a", [new MetricThreshold("accuracy", 0.7), new MetricThreshold("f1", 0.1)])],
                Fairness = [new FairnessGate("group: a", "false_positive_rate", 0.25), new FairnessGate("x", "accuracy", 1)],
            },
        };

        var yaml = ModelSpecWriter.Write(spec);
        var read = ModelSpecReader.Parse(yaml).Promotion!;

        Assert.Equal(spec.Promotion.Data, read.Data);
        Assert.Equal(spec.Promotion.Minimum, read.Minimum);
        Assert.Equal(spec.Promotion.NoRegression, read.NoRegression);
        Assert.Equal(spec.Promotion.Slices[0].Column, Assert.Single(read.Slices).Column);
        Assert.Equal(spec.Promotion.Slices[0].Minimum, read.Slices[0].Minimum);
        Assert.Equal(spec.Promotion.Fairness, read.Fairness);
        Assert.Equal(yaml, ModelSpecWriter.Write(ModelSpecReader.Parse(yaml)));
    }

    [Fact]
    public void Write_ThenRead_KeepsConfidenceLevelsAndBeats()
    {
        var spec = new ModelSpec
        {
            Name = "gated",
            Target = new TargetSpec("label", "yes"),
            Inputs = [new InputColumnSpec("x", Gangway.Data.ColumnType.Numeric), new InputColumnSpec("g", Gangway.Data.ColumnType.Text)],
            Learner = new StepSpec("fast_tree", new Dictionary<string, object?>()),
            Baselines = [new RuleBaselineSpec("g_is_a", "g", "a")],
            Promotion = new PromotionSpec
            {
                Data = "v.csv",
                Confidence = 0.9,
                Minimum = [new MetricThreshold("roc_auc", 0.85)],
                MinimumConfidence = 0.95,
                NoRegression = new NoRegressionGate("roc_auc", 0.005) { Confidence = 0.8 },
                Slices = [new SliceGate("g", [new MetricThreshold("accuracy", 0.7)]) { Confidence = 0.99 }],
                Beats = new BeatsGate(["g_is_a", "champion"], "accuracy") { Confidence = 0.9 },
            },
        };

        var yaml = ModelSpecWriter.Write(spec);
        var read = ModelSpecReader.Parse(yaml).Promotion!;

        Assert.Equal((0.9, 0.95), (read.Confidence!.Value, read.MinimumConfidence!.Value));
        Assert.Equal(spec.Promotion.NoRegression, read.NoRegression);
        Assert.Equal(0.99, Assert.Single(read.Slices).Confidence);
        Assert.Equal(spec.Promotion.Beats, read.Beats);
        Assert.Equal(yaml, ModelSpecWriter.Write(ModelSpecReader.Parse(yaml)));
    }

    [Fact]
    public void Write_TitanicExample_KeepsItsPromotionGates()
    {
        var original = ModelSpecReader.ReadFile(Path.Combine("TestData", "titanic", "titanic.yaml"));

        var read = ModelSpecReader.Parse(ModelSpecWriter.Write(original), baseDirectory: Path.Combine("TestData", "titanic")).Promotion!;

        Assert.Equal(original.Promotion!.Minimum, read.Minimum);
        Assert.Equal(original.Promotion.Fairness, read.Fairness);
        Assert.Equal(original.Promotion.NoRegression, read.NoRegression);
    }
}
