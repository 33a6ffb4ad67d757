using Gangway.Learners;
using Gangway.Pipelines;

namespace Gangway.Specs;

/// <summary>
/// Binds the built-in learners of a spec: reads the snake_case hyperparameters a spec gives and builds the typed
/// hyperparameter records and estimators, so the learners never see YAML.
/// </summary>
internal static class LearnerBinders
{
    public static GangwayCatalogBuilder AddBuiltIns(GangwayCatalogBuilder builder) => builder
        .AddLearner(FastTreeBinaryEstimator.Name, (o, a) => new FastTreeBinaryEstimator(o, FastTree(a)), FastTreeHyperparameters.Simplicity)
        .AddLearner(LightGbmBinaryEstimator.Name, (o, a) => new LightGbmBinaryEstimator(o, LightGbm(a)), LightGbmHyperparameters.Simplicity)
        .AddLearner(FastForestBinaryEstimator.Name, (o, a) => new FastForestBinaryEstimator(o, FastForest(a)), FastForestHyperparameters.Simplicity)
        .AddLearner(LbfgsLogisticRegressionEstimator.Name, (o, a) => new LbfgsLogisticRegressionEstimator(o, LogisticRegression(a)), LogisticRegressionHyperparameters.Simplicity);

    private static FastTreeHyperparameters FastTree(StepArguments args)
    {
        var defaults = new FastTreeHyperparameters();
        var result = new FastTreeHyperparameters
        {
            Trees = args.GetInt("trees", defaults.Trees),
            Leaves = args.GetInt("leaves", defaults.Leaves),
            MinLeaf = args.GetInt("min_leaf", defaults.MinLeaf),
            LearningRate = args.GetDouble("learning_rate", defaults.LearningRate),
            FeatureFraction = args.GetDouble("feature_fraction", defaults.FeatureFraction),
        };
        args.EnsureAllUsed();
        return result;
    }

    private static LightGbmHyperparameters LightGbm(StepArguments args)
    {
        var defaults = new LightGbmHyperparameters();
        var result = new LightGbmHyperparameters
        {
            Trees = args.GetInt("trees", defaults.Trees),
            Leaves = args.GetInt("leaves", defaults.Leaves),
            MinLeaf = args.GetInt("min_leaf", defaults.MinLeaf),
            LearningRate = args.GetDouble("learning_rate", defaults.LearningRate),
            FeatureFraction = args.GetDouble("feature_fraction", defaults.FeatureFraction),
            L1 = args.GetDouble("l1", defaults.L1),
            L2 = args.GetDouble("l2", defaults.L2),
        };
        args.EnsureAllUsed();
        return result;
    }

    private static FastForestHyperparameters FastForest(StepArguments args)
    {
        var defaults = new FastForestHyperparameters();
        var result = new FastForestHyperparameters
        {
            Trees = args.GetInt("trees", defaults.Trees),
            Leaves = args.GetInt("leaves", defaults.Leaves),
            MinLeaf = args.GetInt("min_leaf", defaults.MinLeaf),
            FeatureFraction = args.GetDouble("feature_fraction", defaults.FeatureFraction),
            BaggingFraction = args.GetDouble("bagging_fraction", defaults.BaggingFraction),
        };
        args.EnsureAllUsed();
        return result;
    }

    private static LogisticRegressionHyperparameters LogisticRegression(StepArguments args)
    {
        var defaults = new LogisticRegressionHyperparameters();
        var result = new LogisticRegressionHyperparameters
        {
            L1 = args.GetDouble("l1", defaults.L1),
            L2 = args.GetDouble("l2", defaults.L2),
            MaxIterations = args.GetInt("max_iterations", defaults.MaxIterations),
        };
        args.EnsureAllUsed();
        return result;
    }
}
