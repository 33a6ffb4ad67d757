using Gangway.Specs;

namespace Gangway.Tests.Specs;

/// <summary>The spec keys of issue 12 section 6: upsell.strata, upsell.monotone and the promotion gate promotion.upsell.</summary>
public class UpsellGateSpecTests
{
    private const string Head = """
        name: demo
        target:
          column: Survived
          positive: "1"
        inputs:
          Pclass: numeric
          Sex: text
          Fare: numeric
        learner:
          type: fast_tree

        """;

    private const string Upsell = """
        upsell:
          column: Pclass
          order: ["3", "2", "1"]
          fields:
            Fare: median
          strata: [Sex]
          monotone: true

        """;

    [Fact]
    public void Parse_UpsellStrataMonotoneAndGate_ReadsThemAndWritesThemBack()
    {
        var spec = ModelSpecReader.Parse(Head + Upsell + """
            promotion:
              data: data/validation.csv
              upsell: { max_gap: 0.1, monotone: true, data: data/train.csv }
            """);

        Assert.Equal(["Sex"], spec.Upsell!.Strata);
        Assert.True(spec.Upsell.Monotone);
        Assert.Equal(new UpsellGateSpec(0.1, true, "data/train.csv"), spec.Promotion!.Upsell);
        var again = ModelSpecReader.Parse(ModelSpecWriter.Write(spec));
        Assert.Equal(spec.Upsell.Strata, again.Upsell!.Strata);
        Assert.True(again.Upsell.Monotone);
        Assert.Equal(spec.Promotion.Upsell, again.Promotion!.Upsell);
    }

    [Fact]
    public void Parse_UpsellWithoutNewKeys_HasNoStrataAndIsNotMonotone()
    {
        var spec = ModelSpecReader.Parse(Head + "upsell:\n  column: Pclass\n  order: [\"3\", \"2\", \"1\"]\n");

        Assert.Empty(spec.Upsell!.Strata);
        Assert.False(spec.Upsell.Monotone);
    }

    [Theory]
    [InlineData("strata: [Age]", "Spec: upsell.strata column 'Age' is not an input or id column; columns: Pclass, Sex, Fare.")]
    [InlineData("strata: [Pclass]", "Spec: upsell.strata column 'Pclass' is the tier column itself; the check already reports each tier.")]
    [InlineData("strata: [Sex, Sex]", "Spec: upsell.strata lists 'Sex' twice.")]
    public void Parse_BadStrata_SaysWhich(string line, string message)
    {
        var ex = Assert.Throws<GangwayException>(() => ModelSpecReader.Parse(Head + $"upsell:\n  column: Pclass\n  order: [\"3\", \"2\", \"1\"]\n  {line}\n"));

        Assert.Equal(message, ex.Message);
    }

    [Theory]
    [InlineData("upsell: { max_gap: 1.5 }", "Spec: promotion.upsell.max_gap must be between 0 and 1; got 1.5.")]
    [InlineData("upsell: { monotone: false }", "Spec: promotion.upsell must set max_gap, monotone: true, or both.")]
    public void Parse_BadGate_SaysWhy(string gate, string message)
    {
        var ex = Assert.Throws<GangwayException>(() => ModelSpecReader.Parse(Head + Upsell + $"promotion:\n  data: v.csv\n  {gate}\n"));

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Parse_GateWithoutUpsellSection_IsRefused()
    {
        var ex = Assert.Throws<GangwayException>(() => ModelSpecReader.Parse(Head + "promotion:\n  data: v.csv\n  upsell: { max_gap: 0.1 }\n"));

        Assert.StartsWith("Spec: promotion.upsell checks the upsell figures, but the spec has no upsell section", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MonotoneNotABoolean_SaysSo()
    {
        var ex = Assert.Throws<GangwayException>(() => ModelSpecReader.Parse(Head + "upsell:\n  column: Pclass\n  order: [\"3\", \"2\", \"1\"]\n  monotone: yes please\n"));

        Assert.Contains("must be true or false; got 'yes please'", ex.Message, StringComparison.Ordinal);
    }
}
