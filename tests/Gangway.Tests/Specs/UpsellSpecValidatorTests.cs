using Gangway.Data;
using Gangway.Schema;
using Gangway.Specs;

namespace Gangway.Tests.Specs;

public class UpsellSpecValidatorTests
{
    private static readonly ModelSpec Valid = new()
    {
        Name = "shop",
        Target = new TargetSpec("bought", "1"),
        Inputs =
        [
            new InputColumnSpec("plan", ColumnType.Numeric),
            new InputColumnSpec("price", ColumnType.Numeric),
            new InputColumnSpec("region", ColumnType.Text),
        ],
        Learner = new StepSpec("fast_tree", new Dictionary<string, object?>()),
        Upsell = new UpsellSpec { Column = "plan", Order = ["3", "2", "1"], Fields = [new UpsellFieldSpec("price", UpsellStatistic.Median)] },
    };

    [Fact]
    public void Validate_ConsistentUpsell_Passes()
    {
        var ex = Record.Exception(() => ModelSpecValidator.Validate(Valid));

        Assert.Null(ex);
    }

    [Fact]
    public void Validate_TierColumnNotAnInput_ListsInputs()
    {
        var spec = Valid with { Upsell = Valid.Upsell! with { Column = "tier" } };

        var ex = Assert.Throws<GangwayException>(() => ModelSpecValidator.Validate(spec));

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
        Assert.Equal("Spec: upsell.column 'tier' is not an input column; inputs: plan, price, region.", ex.Message);
    }

    [Fact]
    public void Validate_FieldNotAnInput_NamesIt()
    {
        var spec = Valid with { Upsell = Valid.Upsell! with { Fields = [new UpsellFieldSpec("cost", UpsellStatistic.Median)] } };

        var ex = Assert.Throws<GangwayException>(() => ModelSpecValidator.Validate(spec));

        Assert.Contains("upsell field 'cost' is not an input column", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TextField_MustBeNumeric()
    {
        var spec = Valid with { Upsell = Valid.Upsell! with { Fields = [new UpsellFieldSpec("region", UpsellStatistic.Median)] } };

        var ex = Assert.Throws<GangwayException>(() => ModelSpecValidator.Validate(spec));

        Assert.Equal("Spec: upsell field 'region' must be numeric to take a per-tier median; it is text.", ex.Message);
    }

    [Fact]
    public void Validate_TierColumnAsField_IsRejected()
    {
        var spec = Valid with { Upsell = Valid.Upsell! with { Fields = [new UpsellFieldSpec("plan", UpsellStatistic.Median)] } };

        var ex = Assert.Throws<GangwayException>(() => ModelSpecValidator.Validate(spec));

        Assert.Contains("'plan' is the tier column itself", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "3", "2", "3" }, "upsell.order lists tier '3' twice")]
    [InlineData(new[] { "1", "1.0" }, "upsell.order lists tier '1.0' twice")]
    [InlineData(new[] { "1", "gold" }, "upsell.order value 'gold' is not a number, but 'plan' is numeric")]
    [InlineData(new[] { "1" }, "upsell.order must list at least two tiers of 'plan', lowest first; got 1")]
    public void Validate_BadOrder_Explains(string[] order, string problem)
    {
        var spec = Valid with { Upsell = Valid.Upsell! with { Order = order } };

        var ex = Assert.Throws<GangwayException>(() => ModelSpecValidator.Validate(spec));

        Assert.Equal($"Spec: {problem}.", ex.Message);
    }

    [Fact]
    public void Validate_TextTiers_CompareAsText()
    {
        var spec = Valid with { Upsell = Valid.Upsell! with { Column = "region", Order = ["1", "1.0"], Fields = [] } };

        var ex = Record.Exception(() => ModelSpecValidator.Validate(spec));

        Assert.Null(ex);
    }

    [Fact]
    public void Validate_OrderValueTheSchemaDoesNotAllow_ListsAllowedValues()
    {
        var contract = new DataSchema(
        [
            new ColumnSchema { Name = "bought", Type = SchemaType.Category, AllowedValues = ["0", "1"] },
            new ColumnSchema { Name = "plan", Type = SchemaType.Category, AllowedValues = ["1", "2", "3"] },
            new ColumnSchema { Name = "price", Type = SchemaType.Real },
            new ColumnSchema { Name = "region", Type = SchemaType.Text },
        ]);
        var spec = Valid with { Contract = contract, Upsell = Valid.Upsell! with { Order = ["4", "2.0", "1"] } };

        var ex = Assert.Throws<GangwayException>(() => ModelSpecValidator.Validate(spec));

        Assert.Equal("Spec: upsell.order value '4' is not allowed by the schema; 'plan' must be one of 1, 2, 3.", ex.Message);
        Assert.Null(Record.Exception(() => ModelSpecValidator.Validate(spec with { Upsell = spec.Upsell! with { Order = ["3", "2.0"] } })));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Validate_ThresholdOutsideZeroToOne_IsRejected(double threshold)
    {
        var spec = Valid with { Upsell = Valid.Upsell! with { Threshold = threshold } };

        var ex = Assert.Throws<GangwayException>(() => ModelSpecValidator.Validate(spec));

        Assert.Contains("upsell.threshold must be a gain in probability between 0 and 1", ex.Message, StringComparison.Ordinal);
    }
}
