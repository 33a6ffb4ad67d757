using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace Gangway.Learners;

/// <summary>
/// A random forest (ML.NET FastForest) for binary classification. The forest's score is not a probability, so a Platt
/// calibrator (a sigmoid fitted on the training scores) turns it into one. Like scikit-learn's RandomForestClassifier
/// wrapped in CalibratedClassifierCV(method='sigmoid'). Trains on one thread, reproducibly for a seed.
/// </summary>
public sealed class FastForestBinaryEstimator : BinaryClassifierEstimator
{
    /// <summary>The name in <see cref="GangwayCatalog.Learners"/>.</summary>
    public const string Name = "fast_forest";

    /// <summary>Creates the estimator; <paramref name="hyperparameters"/> defaults to <see cref="FastForestHyperparameters"/>' defaults.</summary>
    /// <exception cref="GangwayException">An option or hyperparameter is out of range (<see cref="ErrorKind.InvalidConfiguration"/>).</exception>
    public FastForestBinaryEstimator(BinaryClassifierOptions options, FastForestHyperparameters? hyperparameters = null)
        : base(options)
    {
        Hyperparameters = hyperparameters ?? new FastForestHyperparameters();
        Hyperparameters.Validate(Name);
    }

    /// <summary>The forest hyperparameters.</summary>
    public FastForestHyperparameters Hyperparameters { get; }

    /// <inheritdoc />
    public override string Learner => Name;

    private protected override IEstimator<ITransformer> CreateTrainer(MLContext context)
    {
        var forest = context.BinaryClassification.Trainers.FastForest(new FastForestBinaryTrainer.Options
        {
            LabelColumnName = LearnerInput.LabelColumn,
            FeatureColumnName = LearnerInput.FeaturesColumn,
            NumberOfTrees = Hyperparameters.Trees,
            NumberOfLeaves = Hyperparameters.Leaves,
            MinimumExampleCountPerLeaf = Hyperparameters.MinLeaf,
            FeatureFraction = Hyperparameters.FeatureFraction,
            BaggingExampleFraction = Hyperparameters.BaggingFraction,
            Seed = Options.Seed,
            FeatureSelectionSeed = Options.Seed,
            NumberOfThreads = 1,
        });
        return forest.Append(context.BinaryClassification.Calibrators.Platt(labelColumnName: LearnerInput.LabelColumn));
    }
}
