using Gangway.Data;
using Gangway.Specs;

namespace Gangway.Tests.Specs;

public class ModelSpecReaderTests
{
    private const string Minimal = """
        name: demo
        target:
          column: Survived
          positive: "1"
        inputs:
          Pclass: numeric
          Sex: text
        learner:
          type: fast_tree
          trees: 10
        """;

    [Fact]
    public void Parse_MinimalSpec_ReadsEveryPartWithDefaults()
    {
        var spec = ModelSpecReader.Parse(Minimal);

        Assert.Equal("demo", spec.Name);
        Assert.Equal(new TargetSpec("Survived", "1"), spec.Target);
        Assert.Equal([new InputColumnSpec("Pclass", ColumnType.Numeric), new InputColumnSpec("Sex", ColumnType.Text)], spec.Inputs);
        Assert.Equal("fast_tree", spec.Learner.Name);
        Assert.Equal("10", spec.Learner.Arguments["trees"]);
        Assert.Equal(42, spec.Seed);
        Assert.Empty(spec.Features);
    }

    [Fact]
    public void ReadFile_TitanicExample_HasStepsSlicesAndBaselines()
    {
        var spec = ModelSpecReader.ReadFile(Path.Combine("TestData", "titanic", "titanic.yaml"));

        Assert.Equal("titanic", spec.Name);
        Assert.Equal(["title", "family_size", "impute", "impute", "one_hot", "one_hot", "drop"], spec.Features.Select(f => f.Name));
        Assert.Equal(["Pclass", "Sex"], spec.Slices);
        Assert.Equal("women_survive", Assert.Single(spec.Baselines).Name);
        Assert.Equal(["Age", "Fare"], (IEnumerable<object?>)spec.Features[2].Arguments["columns"]!);
    }

    [Fact]
    public void Parse_Json_IsAccepted()
    {
        var json = """
            {"name": "j", "target": {"column": "y", "positive": "yes"}, "inputs": {"x": "numeric"},
             "learner": {"type": "logistic_regression"}, "seed": 7}
            """;

        var spec = ModelSpecReader.Parse(json);

        Assert.Equal(7, spec.Seed);
        Assert.Equal("yes", spec.Target.PositiveClass);
    }

    [Theory]
    [InlineData("colour: blue\n", "'colour' (line 11): is not a known key")]
    [InlineData("seed: many\n", "'seed' (line 11): must be a whole number; got 'many'")]
    public void Parse_BadTopLevelValue_NamesKeyAndLine(string extra, string expected)
    {
        var ex = Assert.Throws<GangwayException>(() => ModelSpecReader.Parse(Minimal + "\n" + extra, "demo.yaml"));

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("demo.yaml", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownColumnType_ListsTheValidTypes()
    {
        var ex = Assert.Throws<GangwayException>(() => ModelSpecReader.Parse(Minimal.Replace("Sex: text", "Sex: colour", StringComparison.Ordinal)));

        Assert.Contains("'inputs.Sex'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("numeric or text", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name: demo\n  - stray: [1\n", "bad.yaml, line")]
    [InlineData("name: [unclosed\ntarget: x\n", "bad.yaml: not valid YAML")]
    [InlineData("name: a\nname: b\n", "bad.yaml")]
    public void Parse_InvalidYaml_IsAConfigurationErrorNamingTheFile(string text, string expected)
    {
        var ex = Assert.Throws<GangwayException>(() => ModelSpecReader.Parse(text, "bad.yaml"));

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SliceThatIsNotAnInput_IsRejected()
    {
        var ex = Assert.Throws<GangwayException>(() => ModelSpecReader.Parse(Minimal + "\nslices: [Cabin]\n"));

        Assert.Contains("slice 'Cabin'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Pclass, Sex", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TargetDeclaredAsInput_IsRejected()
    {
        var ex = Assert.Throws<GangwayException>(() => ModelSpecReader.Parse(Minimal.Replace("Sex: text", "Survived: numeric", StringComparison.Ordinal)));

        Assert.Contains("'Survived' is declared twice", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_Missing_IsNotFound()
    {
        var ex = Assert.Throws<GangwayException>(() => ModelSpecReader.ReadFile("no-such-spec.yaml"));

        Assert.Equal(ErrorKind.NotFound, ex.Kind);
        Assert.Contains("no-such-spec.yaml", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UpsellSection_ReadsColumnOrderFieldsAndThreshold()
    {
        var spec = ModelSpecReader.Parse(Minimal.Replace("inputs:\n", "inputs:\n  Fare: numeric\n", StringComparison.Ordinal) + """

            upsell:
              column: Pclass
              order: ["3", "2", 1]
              fields:
                Fare: median
              threshold: 0.1
            """);

        var upsell = Assert.IsType<UpsellSpec>(spec.Upsell);
        Assert.Equal("Pclass", upsell.Column);
        Assert.Equal(["3", "2", "1"], upsell.Order);
        Assert.Equal([new UpsellFieldSpec("Fare", UpsellStatistic.Median)], upsell.Fields);
        Assert.Equal(0.1, upsell.Threshold);
    }

    [Fact]
    public void Parse_UpsellWithoutFieldsOrThreshold_UsesDefaults()
    {
        var spec = ModelSpecReader.Parse(Minimal + "\nupsell:\n  column: Pclass\n  order: [3, 2, 1]\n");

        Assert.Empty(spec.Upsell!.Fields);
        Assert.Equal(UpsellSpec.DefaultThreshold, spec.Upsell.Threshold);
    }

    [Theory]
    [InlineData("  column: Pclass\n  order: [3, 1]\n  fields:\n    Pclass: mean\n", "'upsell.fields.Pclass' (line 15): must be a per-tier statistic of the training data (median); got 'mean'")]
    [InlineData("  column: Pclass\n  order: [3, 1]\n  tiers: [3]\n", "'upsell.tiers' (line 14): is not a known key; known keys here: column, order, fields, threshold, strata, monotone")]
    [InlineData("  column: Pclass\n", "'upsell' (line 12): needs 'order'")]
    [InlineData("  column: Pclass\n  order: [3, 1]\n  threshold: high\n", "'upsell.threshold' (line 14): must be a number; got 'high'")]
    public void Parse_BadUpsellSection_NamesKeyAndLine(string section, string expected)
    {
        var ex = Assert.Throws<GangwayException>(() => ModelSpecReader.Parse(Minimal + "\nupsell:\n" + section));

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
        Assert.Equal($"spec, {expected}.", ex.Message);
    }

    [Fact]
    public void ReadFile_BothTitanicExamples_DeclareTheClassUpgrade()
    {
        var titanic = ModelSpecReader.ReadFile(Path.Combine("TestData", "titanic", "titanic.yaml")).Upsell!;
        var baseline = ModelSpecReader.ReadFile(Path.Combine("TestData", "titanic", "baseline.yaml")).Upsell!;

        Assert.Equal(["3", "2", "1"], titanic.Order);
        Assert.Equal("Fare", Assert.Single(titanic.Fields).Column);
        Assert.Equal("Pclass", baseline.Column);
        Assert.Empty(baseline.Fields);
    }
}
