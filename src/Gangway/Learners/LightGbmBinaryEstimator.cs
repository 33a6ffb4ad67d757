using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;

namespace Gangway.Learners;

/// <summary>
/// Gradient-boosted decision trees trained by the native LightGBM library, for binary classification with calibrated
/// probabilities. Like scikit-learn's HistGradientBoostingClassifier (or lightgbm.LGBMClassifier). Trains on one
/// thread in LightGBM's deterministic mode, reproducibly for a seed; predictions run in managed code.
/// </summary>
public sealed class LightGbmBinaryEstimator : BinaryClassifierEstimator
{
    /// <summary>The name in <see cref="GangwayCatalog.Learners"/>.</summary>
    public const string Name = "light_gbm";

    /// <summary>Creates the estimator; <paramref name="hyperparameters"/> defaults to <see cref="LightGbmHyperparameters"/>' defaults.</summary>
    /// <exception cref="GangwayException">An option or hyperparameter is out of range (<see cref="ErrorKind.InvalidConfiguration"/>).</exception>
    public LightGbmBinaryEstimator(BinaryClassifierOptions options, LightGbmHyperparameters? hyperparameters = null)
        : base(options)
    {
        Hyperparameters = hyperparameters ?? new LightGbmHyperparameters();
        Hyperparameters.Validate(Name);
    }

    /// <summary>The boosting hyperparameters.</summary>
    public LightGbmHyperparameters Hyperparameters { get; }

    /// <inheritdoc />
    public override string Learner => Name;

    private protected override IEstimator<ITransformer> CreateTrainer(MLContext context) =>
        context.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            LabelColumnName = LearnerInput.LabelColumn,
            FeatureColumnName = LearnerInput.FeaturesColumn,
            NumberOfIterations = Hyperparameters.Trees,
            NumberOfLeaves = Hyperparameters.Leaves,
            MinimumExampleCountPerLeaf = Hyperparameters.MinLeaf,
            LearningRate = Hyperparameters.LearningRate,
            Booster = new GradientBooster.Options
            {
                FeatureFraction = Hyperparameters.FeatureFraction,
                L1Regularization = Hyperparameters.L1,
                L2Regularization = Hyperparameters.L2,
            },
            Seed = Options.Seed,
            Deterministic = true,
            ForceRowWise = true,
            NumberOfThreads = 1,
            Silent = true,
        });
}
