using Gangway.Features;
using Gangway.Parsing;
using Gangway.Specs;

namespace Gangway.Tests;

public sealed class GangwayCatalogBuilderTests
{
    [Fact]
    public void Build_ThenAddMore_LeavesTheCatalogAlreadyBuiltUnchanged()
    {
        var builder = new GangwayCatalogBuilder().AddFeatureStep("first", _ => new SelectColumnsEstimator(["A"]));
        var before = builder.Build();

        var after = builder.AddFeatureStep("second", _ => new SelectColumnsEstimator(["B"])).Build();

        Assert.Equal(["first"], before.FeatureSteps.StepNames);
        Assert.Equal(["first", "second"], after.FeatureSteps.StepNames);
    }

    [Fact]
    public void NewBuilder_HoldsOnlyTheDeclarativeParser()
    {
        var catalog = new GangwayCatalogBuilder().Build();

        Assert.Empty(catalog.FeatureSteps.StepNames);
        Assert.Empty(catalog.Learners.Names);
        Assert.Empty(catalog.Transformers.Kinds);
        Assert.Equal([ParserCatalog.Declarative], catalog.Parsers.Types);
    }

    [Fact]
    public void AddFeatureStep_SameNameTwice_TheLastOneIsUsed()
    {
        var catalog = GangwayCatalog.CreateBuilder()
            .AddFeatureStep("select", args => new DropColumnsEstimator(args.GetStrings("columns")))
            .Build();

        var estimator = catalog.FeatureSteps.Create("select", new StepArguments("select", new Dictionary<string, object?> { ["columns"] = "Age" }));

        Assert.IsType<DropColumnsEstimator>(estimator);
    }

    [Fact]
    public void AddFeatureStep_WithLoader_AddsTheStepAndItsKindInOneCall()
    {
        var catalog = new GangwayCatalogBuilder()
            .AddFeatureStep("keep_age", _ => new SelectColumnsEstimator(["Age"]), "keep_age_kind", _ => throw new NotSupportedException())
            .Build();

        Assert.Equal(["keep_age"], catalog.FeatureSteps.StepNames);
        Assert.Equal(["keep_age_kind"], catalog.Transformers.Kinds);
    }
}
