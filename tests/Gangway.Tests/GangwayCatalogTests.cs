using Gangway.Parsing;

namespace Gangway.Tests;

public sealed class GangwayCatalogTests
{
    [Fact]
    public void BuiltIn_HoldsEveryBuiltInStepLearnerKindAndParser()
    {
        var catalog = GangwayCatalog.BuiltIn;

        Assert.Equal(
            ["bin", "column_transformer", "drop", "family_size", "impute", "one_hot", "select", "standard_scale", "sum", "title"],
            catalog.FeatureSteps.StepNames);
        Assert.Equal(["fast_forest", "fast_tree", "light_gbm", "logistic_regression"], catalog.Learners.Names);
        Assert.Equal(
            ["bin", "binary_classifier", "column_transformer", "drop", "impute", "monotone_tiers", "one_hot", "pipeline", "select", "standard_scale", "sum", "title"],
            catalog.Transformers.Kinds);
        Assert.Equal([ParserCatalog.Declarative], catalog.Parsers.Types);
    }

    [Fact]
    public void CreateBuilder_StartsFromTheBuiltIns_AndNeverChangesBuiltIn()
    {
        var custom = GangwayCatalog.CreateBuilder().AddTransformer("custom_kind", _ => throw new NotSupportedException()).Build();

        Assert.Contains("custom_kind", custom.Transformers.Kinds);
        Assert.Equal(GangwayCatalog.BuiltIn.FeatureSteps.StepNames, custom.FeatureSteps.StepNames);
        Assert.DoesNotContain("custom_kind", GangwayCatalog.BuiltIn.Transformers.Kinds);
        Assert.NotSame(GangwayCatalog.BuiltIn, GangwayCatalog.CreateBuilder().Build());
    }
}
