using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace Gangway.Learners;

/// <summary>
/// Gradient-boosted decision trees (ML.NET FastTree, a MART implementation) for binary classification, with
/// Platt-calibrated probabilities. Like scikit-learn's GradientBoostingClassifier. Trains on one thread, reproducibly for a seed.
/// </summary>
public sealed class FastTreeBinaryEstimator : BinaryClassifierEstimator
{
    /// <summary>The name in <see cref="GangwayCatalog.Learners"/>.</summary>
    public const string Name = "fast_tree";

    /// <summary>Creates the estimator; <paramref name="hyperparameters"/> defaults to <see cref="FastTreeHyperparameters"/>' defaults.</summary>
    /// <exception cref="GangwayException">An option or hyperparameter is out of range (<see cref="ErrorKind.InvalidConfiguration"/>).</exception>
    public FastTreeBinaryEstimator(BinaryClassifierOptions options, FastTreeHyperparameters? hyperparameters = null)
        : base(options)
    {
        Hyperparameters = hyperparameters ?? new FastTreeHyperparameters();
        Hyperparameters.Validate(Name);
    }

    /// <summary>The tree hyperparameters.</summary>
    public FastTreeHyperparameters Hyperparameters { get; }

    /// <inheritdoc />
    public override string Learner => Name;

    private protected override IEstimator<ITransformer> CreateTrainer(MLContext context) =>
        context.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            LabelColumnName = LearnerInput.LabelColumn,
            FeatureColumnName = LearnerInput.FeaturesColumn,
            NumberOfTrees = Hyperparameters.Trees,
            NumberOfLeaves = Hyperparameters.Leaves,
            MinimumExampleCountPerLeaf = Hyperparameters.MinLeaf,
            LearningRate = Hyperparameters.LearningRate,
            FeatureFraction = Hyperparameters.FeatureFraction,
            Seed = Options.Seed,
            FeatureSelectionSeed = Options.Seed,
            NumberOfThreads = 1,
        });
}
