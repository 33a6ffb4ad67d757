using Gangway.Data;
using Gangway.Evaluation;
using Gangway.Specs;

namespace Gangway.Tests.Specs;

public class ModelSpecValidatorTests
{
    private static readonly ModelSpec Valid = new()
    {
        Name = "demo",
        Target = new TargetSpec("Survived", "1"),
        IdColumns = [new InputColumnSpec("PassengerId", ColumnType.Numeric)],
        Inputs = [new InputColumnSpec("Pclass", ColumnType.Numeric), new InputColumnSpec("Sex", ColumnType.Text)],
        Learner = new StepSpec("fast_tree", new Dictionary<string, object?>()),
        Slices = ["Pclass", "PassengerId"],
        Baselines = [new RuleBaselineSpec("women_survive", "Sex", "female")],
    };

    [Fact]
    public void Validate_ConsistentSpec_Passes()
    {
        var ex = Record.Exception(() => ModelSpecValidator.Validate(Valid));

        Assert.Null(ex);
    }

    [Fact]
    public void Validate_InputDeclaredTwice_NamesIt()
    {
        var spec = Valid with { IdColumns = [new InputColumnSpec("Sex", ColumnType.Text)] };

        var ex = Assert.Throws<GangwayException>(() => ModelSpecValidator.Validate(spec));

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
        Assert.Equal("Spec: column 'Sex' is declared twice (the target, ids and inputs must be distinct).", ex.Message);
    }

    [Fact]
    public void Validate_TargetAlsoAnInput_IsRejected()
    {
        var spec = Valid with { Inputs = [.. Valid.Inputs, new InputColumnSpec("Survived", ColumnType.Numeric)] };

        var ex = Assert.Throws<GangwayException>(() => ModelSpecValidator.Validate(spec));

        Assert.Contains("'Survived' is declared twice", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SliceOnUndeclaredColumn_ListsDeclaredColumns()
    {
        var spec = Valid with { Slices = ["Embarked"] };

        var ex = Assert.Throws<GangwayException>(() => ModelSpecValidator.Validate(spec));

        Assert.Equal("Spec: slice 'Embarked' is not an input or id column; declared columns: Pclass, Sex, PassengerId.", ex.Message);
    }

    [Fact]
    public void Validate_SliceOnTheTarget_IsRejected()
    {
        var spec = Valid with { Slices = ["Survived"] };

        Assert.Throws<GangwayException>(() => ModelSpecValidator.Validate(spec));
    }

    [Fact]
    public void Validate_BaselineOnUndeclaredColumn_NamesBaselineAndColumn()
    {
        var spec = Valid with { Baselines = [new RuleBaselineSpec("rich", "Fare", "100")] };

        var ex = Assert.Throws<GangwayException>(() => ModelSpecValidator.Validate(spec));

        Assert.StartsWith("Spec: baseline 'rich' reads column 'Fare', which is not an input or id column;", ex.Message, StringComparison.Ordinal);
        Assert.Contains("declared columns: Pclass, Sex, PassengerId", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BlankTargetColumn_IsRejected()
    {
        var spec = Valid with { Target = new TargetSpec(" ", "1") };

        var ex = Assert.Throws<GangwayException>(() => ModelSpecValidator.Validate(spec));

        Assert.Equal("Spec: target.column must name the column to predict.", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_BlankPositiveClass_IsRejected(string positive)
    {
        var spec = Valid with { Target = new TargetSpec("Survived", positive) };

        var ex = Assert.Throws<GangwayException>(() => ModelSpecValidator.Validate(spec));

        Assert.Equal("Spec: target.positive must name the positive class.", ex.Message);
    }

    [Fact]
    public void Validate_SliceNamesAreCaseSensitive()
    {
        var spec = Valid with { Slices = ["pclass"] };

        Assert.Throws<GangwayException>(() => ModelSpecValidator.Validate(spec));
    }

    [Fact]
    public void Validate_SliceListedTwice_IsRejected()
    {
        var spec = Valid with { Slices = ["Pclass", "Sex", "Pclass"] };

        var ex = Assert.Throws<GangwayException>(() => ModelSpecValidator.Validate(spec));

        Assert.Equal("Spec: slice 'Pclass' is listed twice.", ex.Message);
    }

    [Fact]
    public void Validate_BaselineNameUsedTwice_IsRejected()
    {
        var spec = Valid with { Baselines = [.. Valid.Baselines, new RuleBaselineSpec("women_survive", "Pclass", "1")] };

        var ex = Assert.Throws<GangwayException>(() => ModelSpecValidator.Validate(spec));

        Assert.Equal("Spec: baseline name 'women_survive' is used twice.", ex.Message);
    }

    [Fact]
    public void Validate_BaselineNamedLikeTheMajorityClassBaseline_IsRejected()
    {
        var spec = Valid with { Baselines = [new RuleBaselineSpec(MajorityClassBaseline.DefaultName, "Sex", "male")] };

        var ex = Assert.Throws<GangwayException>(() => ModelSpecValidator.Validate(spec));

        Assert.Contains("'majority_class' is reserved", ex.Message, StringComparison.Ordinal);
    }
}
