using Gangway.Learners;
using Gangway.Pipelines;
using Gangway.Specs;
using static Gangway.Tests.Learners.LearnerTestData;

namespace Gangway.Tests.Specs;

public sealed class LearnerCatalogTests
{
    private static StepArguments Args(string owner, params (string Name, object? Value)[] values) =>
        new(owner, values.ToDictionary(v => v.Name, v => v.Value));

    [Fact]
    public void Names_Default_ListsTheBuiltInLearners()
    {
        Assert.Equal(["fast_forest", "fast_tree", "light_gbm", "logistic_regression"], GangwayCatalog.BuiltIn.Learners.Names);
    }

    [Theory]
    [InlineData("fast_tree", typeof(FastTreeBinaryEstimator))]
    [InlineData("light_gbm", typeof(LightGbmBinaryEstimator))]
    [InlineData("fast_forest", typeof(FastForestBinaryEstimator))]
    [InlineData("logistic_regression", typeof(LbfgsLogisticRegressionEstimator))]
    public void Create_BuiltInName_BuildsThatLearnerWithTheOptions(string name, Type expected)
    {
        var estimator = GangwayCatalog.BuiltIn.Learners.Create(name, TitanicOptions(seed: 5), Args(name));

        Assert.IsType(expected, estimator);
        Assert.Equal(5, ((BinaryClassifierEstimator)estimator).Options.Seed);
    }

    [Fact]
    public void Create_FastTreeHyperparameters_AreReadBySnakeCaseName()
    {
        var args = Args("fast_tree", ("trees", "7"), ("leaves", "4"), ("min_leaf", "3"), ("learning_rate", "0.05"), ("feature_fraction", "0.5"));

        var estimator = (FastTreeBinaryEstimator)GangwayCatalog.BuiltIn.Learners.Create("fast_tree", TitanicOptions(), args);

        Assert.Equal(new FastTreeHyperparameters { Trees = 7, Leaves = 4, MinLeaf = 3, LearningRate = 0.05, FeatureFraction = 0.5 }, estimator.Hyperparameters);
    }

    [Fact]
    public void Create_LightGbmAndLogisticHyperparameters_AreReadBySnakeCaseName()
    {
        var gbm = (LightGbmBinaryEstimator)GangwayCatalog.BuiltIn.Learners.Create("light_gbm", TitanicOptions(), Args("light_gbm", ("l1", "0.5"), ("l2", "2"), ("trees", "10")));
        var lr = (LbfgsLogisticRegressionEstimator)GangwayCatalog.BuiltIn.Learners.Create(
            "logistic_regression", TitanicOptions(), Args("logistic_regression", ("l1", "0.1"), ("l2", "0.2"), ("max_iterations", "50")));
        var forest = (FastForestBinaryEstimator)GangwayCatalog.BuiltIn.Learners.Create("fast_forest", TitanicOptions(), Args("fast_forest", ("bagging_fraction", "0.5")));

        Assert.Equal((0.5, 2.0, 10), (gbm.Hyperparameters.L1, gbm.Hyperparameters.L2, gbm.Hyperparameters.Trees));
        Assert.Equal(new LogisticRegressionHyperparameters { L1 = 0.1, L2 = 0.2, MaxIterations = 50 }, lr.Hyperparameters);
        Assert.Equal(0.5, forest.Hyperparameters.BaggingFraction);
    }

    [Fact]
    public void Create_MisspeltHyperparameter_ThrowsNamingIt()
    {
        var error = Assert.Throws<GangwayException>(() =>
            GangwayCatalog.BuiltIn.Learners.Create("fast_tree", TitanicOptions(), Args("fast_tree", ("tres", "10"))));

        Assert.Equal(ErrorKind.InvalidConfiguration, error.Kind);
        Assert.StartsWith("'fast_tree' does not take argument 'tres'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UnknownName_ThrowsListingKnownNames()
    {
        var error = Assert.Throws<GangwayException>(() => GangwayCatalog.BuiltIn.Learners.Create("xgboost", TitanicOptions(), Args("xgboost")));

        Assert.Equal(ErrorKind.InvalidConfiguration, error.Kind);
        Assert.Equal("Unknown learner 'xgboost'. Known learners: fast_forest, fast_tree, light_gbm, logistic_regression.", error.Message);
    }

    [Fact]
    public void AddLearner_CustomLearner_IsCreatedByName()
    {
        IEstimator? created = null;

        var catalog = GangwayCatalog.CreateBuilder()
            .AddLearner("my_trees", (options, args) => created = new FastTreeBinaryEstimator(options, new FastTreeHyperparameters { Trees = args.GetInt("trees") }))
            .Build().Learners;
        var estimator = catalog.Create("my_trees", TitanicOptions(), Args("my_trees", ("trees", "3")));

        Assert.Same(created, estimator);
        Assert.Contains("my_trees", catalog.Names);
        Assert.DoesNotContain("my_trees", GangwayCatalog.BuiltIn.Learners.Names);
    }

    [Fact]
    public void Simplicity_BuiltIns_DeclareFewerTreesThenLeavesThenLargerLeavesAndStrongerPenalties()
    {
        var catalog = GangwayCatalog.BuiltIn.Learners;

        Assert.Equal([("trees", true), ("leaves", true), ("min_leaf", false)], catalog.Simplicity("fast_tree").Select(r => (r.Argument, r.SmallerIsSimpler)));
        Assert.Equal([("trees", true), ("leaves", true), ("min_leaf", false)], catalog.Simplicity("fast_forest").Select(r => (r.Argument, r.SmallerIsSimpler)));
        Assert.Equal([("trees", true), ("leaves", true), ("min_leaf", false), ("l1", false), ("l2", false)], catalog.Simplicity("light_gbm").Select(r => (r.Argument, r.SmallerIsSimpler)));
        Assert.Equal([("l2", false), ("l1", false)], catalog.Simplicity("logistic_regression").Select(r => (r.Argument, r.SmallerIsSimpler)));
    }

    [Fact]
    public void Simplicity_LearnerRegisteredWithoutOneOrUnknown_IsEmpty()
    {
        var catalog = GangwayCatalog.CreateBuilder().AddLearner("mine", (o, a) => new FastTreeBinaryEstimator(o, new FastTreeHyperparameters())).Build().Learners;

        Assert.Empty(catalog.Simplicity("mine"));
        Assert.Empty(catalog.Simplicity("nope"));
    }
}
