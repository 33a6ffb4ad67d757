using Gangway.Data;
using Gangway.Features;
using Gangway.Pipelines;
using Gangway.Specs;
using Gangway.Tests.Features;
using Gangway.Tests.Pipelines;

namespace Gangway.Tests.Specs;

public sealed class FeatureStepCatalogTests
{
    private readonly FeatureStepCatalog _catalog = GangwayCatalog.BuiltIn.FeatureSteps;

    [Fact]
    public void StepNames_BuiltIns_AreAllListedSorted()
    {
        Assert.Equal(
            ["bin", "column_transformer", "drop", "family_size", "impute", "one_hot", "select", "standard_scale", "sum", "title"],
            _catalog.StepNames);
    }

    [Fact]
    public void Create_UnknownStep_ThrowsListingKnownSteps()
    {
        var ex = Assert.Throws<GangwayException>(() => _catalog.Create("scale", Args("scale", [])));

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
        Assert.StartsWith("Unknown feature step 'scale'. Known steps: bin, column_transformer, drop,", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Impute_ReadsColumnsStrategyAndValue()
    {
        var estimator = Assert.IsType<ImputingEstimator>(_catalog.Create(
            "impute",
            Args("impute", [("columns", List("Embarked")), ("strategy", "constant"), ("value", "S")])));

        Assert.Equal(["Embarked"], estimator.Columns);
        Assert.Equal(ImputationStrategy.Constant, estimator.Strategy);
        Assert.Equal("S", estimator.FillValue);
    }

    [Fact]
    public void Create_MisspeltArgument_ThrowsNamingIt()
    {
        var ex = Assert.Throws<GangwayException>(() => _catalog.Create("one_hot", Args("one_hot", [("columns", List("Sex")), ("dropfirst", "true")])));

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
        Assert.Contains("'dropfirst'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_OneHotBinAndScale_ReadOptions()
    {
        var oneHot = Assert.IsType<OneHotEncodingEstimator>(_catalog.Create(
            "one_hot", Args("one_hot", [("columns", List("Sex")), ("unknown", "all_zeros"), ("drop_first", "true")])));
        var bin = Assert.IsType<BinningEstimator>(_catalog.Create(
            "bin", Args("bin", [("columns", "Age"), ("bins", "3"), ("strategy", "uniform")])));
        var scale = Assert.IsType<StandardScalingEstimator>(_catalog.Create(
            "standard_scale", Args("standard_scale", [("columns", List("Age")), ("with_mean", "false")])));

        Assert.Equal((UnknownCategoryPolicy.AllZeros, true), (oneHot.Unknown, oneHot.DropFirst));
        Assert.Equal(["Age"], bin.Columns);
        Assert.Equal((3, BinningStrategy.Uniform), (bin.Bins, bin.Strategy));
        Assert.Equal((false, true), (scale.WithMean, scale.WithStd));
    }

    [Fact]
    public void Create_FamilySizeWithoutColumns_IsAnErrorNotATitanicDefault()
    {
        var ex = Assert.Throws<GangwayException>(() => _catalog.Create("family_size", Args("family_size", [("to", "FamilySize")])));

        Assert.Contains("'family_size' needs argument 'columns'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_FamilySizeAndTitle_ReadTheirColumns()
    {
        var family = Assert.IsType<SumColumnsEstimator>(_catalog.Create("family_size", Args("family_size", [("columns", List("SibSp", "Parch")), ("to", "FamilySize")])));
        var title = Assert.IsType<TitleExtractingEstimator>(_catalog.Create("title", Args("title", [("to", "Honorific")])));

        Assert.Equal(["SibSp", "Parch"], family.Columns);
        Assert.Equal(("FamilySize", 1.0), (family.OutputColumn, family.Offset));
        Assert.Equal(("Name", "Honorific"), (title.NameColumn, title.OutputColumn));
    }

    [Fact]
    public void Create_SelectDropAndSum_ReadColumns()
    {
        var select = Assert.IsType<SelectColumnsEstimator>(_catalog.Create("select", Args("select", [("columns", List("Age", "Sex"))])));
        var drop = Assert.IsType<DropColumnsEstimator>(_catalog.Create("drop", Args("drop", [("columns", List("Cabin"))])));
        var sum = Assert.IsType<SumColumnsEstimator>(_catalog.Create("sum", Args("sum", [("columns", List("SibSp", "Parch")), ("to", "Relatives"), ("offset", "0.5")])));

        Assert.Equal(["Age", "Sex"], select.Columns);
        Assert.Equal(["Cabin"], drop.Columns);
        Assert.Equal(("Relatives", 0.5), (sum.OutputColumn, sum.Offset));
    }

    [Fact]
    public void Create_ColumnTransformerFromSpecMaps_FitsLikeTheHandBuiltOne()
    {
        // Nested steps without 'columns' get the part's columns.
        var parts = List(
            Map(("name", "numeric"), ("columns", List("Age", "Fare")), ("steps", List(
                Map(("step", "impute"), ("strategy", "median")),
                Map(("step", "standard_scale"))))),
            Map(("name", "categorical"), ("columns", List("Sex", "Embarked")), ("steps", List(
                Map(("step", "impute"), ("columns", List("Embarked")), ("strategy", "most_frequent")),
                Map(("step", "one_hot"))))));
        var estimator = _catalog.Create("column_transformer", Args("column_transformer", [("parts", parts), ("remainder", "drop")]));
        var data = FeatureEstimatorCases.Passengers;

        var output = estimator.Fit(data).Transform(data);

        EstimatorConformanceTests.AssertSameTable(FeatureEstimatorCases.TitanicColumns(RemainderPolicy.Drop).Fit(data).Transform(data), output);
    }

    [Fact]
    public void Create_DocumentedTitanicExample_FitsAndEncodesEveryFeature()
    {
        // The example in docs/feature-steps.md.
        var parts = List(
            Map(("name", "numeric"), ("columns", List("Age", "Fare", "FamilySize")), ("steps", List(
                Map(("step", "impute"), ("strategy", "median")),
                Map(("step", "standard_scale"))))),
            Map(("name", "categorical"), ("columns", List("Pclass", "Sex", "Embarked", "Title")), ("steps", List(
                Map(("step", "impute"), ("strategy", "most_frequent")),
                Map(("step", "one_hot"), ("unknown", "all_zeros"))))));
        var pipeline = new PipelineEstimator(
            _catalog.Create("title", Args("title", [])),
            _catalog.Create("family_size", Args("family_size", [("columns", List("SibSp", "Parch")), ("to", "FamilySize")])),
            _catalog.Create("column_transformer", Args("column_transformer", [("remainder", "drop"), ("parts", parts)])));
        var data = FeatureEstimatorCases.Passengers;

        var output = pipeline.Fit(data).Transform(data);

        Assert.Equal(
            ["Age", "Fare", "FamilySize", "Pclass_1", "Pclass_2", "Pclass_3", "Sex_female", "Sex_male", "Embarked_C", "Embarked_Q", "Embarked_S",
                "Title_Master", "Title_Miss", "Title_Mr", "Title_Mrs", "Title_Rare"],
            output.ColumnNames);
        Assert.All(output.Columns, c => Assert.False(c.IsMissing(5) || c.IsMissing(6) || c.IsMissing(7)));
    }

    [Fact]
    public void Create_ColumnTransformerNestedStepWithMisspeltArgument_ThrowsNamingStep()
    {
        var parts = List(Map(("name", "n"), ("columns", List("Age")), ("steps", List(Map(("step", "impute"), ("stratgy", "mean"))))));

        var ex = Assert.Throws<GangwayException>(() => _catalog.Create("column_transformer", Args("column_transformer", [("parts", parts)])));

        Assert.Contains("'impute'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ColumnTransformerPartWithUnknownKey_Throws()
    {
        var parts = List(Map(("name", "n"), ("columns", List("Age")), ("step", List(Map(("step", "impute"), ("strategy", "mean"))))));

        var ex = Assert.Throws<GangwayException>(() => _catalog.Create("column_transformer", Args("column_transformer", [("parts", parts)])));

        Assert.Contains("'steps'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddFeatureStep_CustomStep_IsCreatedAndListedInThatCatalogOnly()
    {
        var catalog = GangwayCatalog.CreateBuilder().AddFeatureStep("passthrough_age", args =>
        {
            args.EnsureAllUsed();
            return new SelectColumnsEstimator(["Age"]);
        }).Build().FeatureSteps;

        var estimator = catalog.Create("passthrough_age", Args("passthrough_age", []));

        Assert.IsType<SelectColumnsEstimator>(estimator);
        Assert.Contains("passthrough_age", catalog.StepNames);
        Assert.DoesNotContain("passthrough_age", _catalog.StepNames);
    }

    [Fact]
    public void Create_CustomCreatorThatIgnoresArguments_StillRejectsUnknownOnes()
    {
        var catalog = GangwayCatalog.CreateBuilder().AddFeatureStep("careless", _ => new SelectColumnsEstimator(["Age"])).Build().FeatureSteps;

        var ex = Assert.Throws<GangwayException>(() => catalog.Create("careless", Args("careless", [("colour", "red")])));

        Assert.Contains("'colour'", ex.Message, StringComparison.Ordinal);
    }

    private static StepArguments Args(string owner, (string Name, object? Value)[] values) =>
        new(owner, values.ToDictionary(v => v.Name, v => v.Value));

    private static List<object?> List(params object?[] items) => [.. items];

    private static Dictionary<string, object?> Map(params (string Name, object? Value)[] values) => values.ToDictionary(v => v.Name, v => v.Value);
}
