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
}
