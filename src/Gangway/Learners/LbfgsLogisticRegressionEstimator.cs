using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace Gangway.Learners;

/// <summary>
/// Logistic regression fitted with L-BFGS (ML.NET LbfgsLogisticRegression), with L1/L2 regularization. Like scikit-learn's
/// LogisticRegression(solver='lbfgs'). Features are used as given: scale them first (e.g. with a standardizing step)
/// when their ranges differ widely. Trains on one thread, reproducibly.
/// </summary>
public sealed class LbfgsLogisticRegressionEstimator : BinaryClassifierEstimator
{
    /// <summary>The name in <see cref="GangwayCatalog.Learners"/>.</summary>
    public const string Name = "logistic_regression";

    /// <summary>Creates the estimator; <paramref name="hyperparameters"/> defaults to <see cref="LogisticRegressionHyperparameters"/>' defaults.</summary>
    /// <exception cref="GangwayException">An option or hyperparameter is out of range (<see cref="ErrorKind.InvalidConfiguration"/>).</exception>
    public LbfgsLogisticRegressionEstimator(BinaryClassifierOptions options, LogisticRegressionHyperparameters? hyperparameters = null)
        : base(options)
    {
        Hyperparameters = hyperparameters ?? new LogisticRegressionHyperparameters();
        Hyperparameters.Validate(Name);
    }

    /// <summary>The regularization and iteration settings.</summary>
    public LogisticRegressionHyperparameters Hyperparameters { get; }

    /// <inheritdoc />
    public override string Learner => Name;

    private protected override IEstimator<ITransformer> CreateTrainer(MLContext context) =>
        context.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = LearnerInput.LabelColumn,
            FeatureColumnName = LearnerInput.FeaturesColumn,
            L1Regularization = (float)Hyperparameters.L1,
            L2Regularization = (float)Hyperparameters.L2,
            MaximumNumberOfIterations = Hyperparameters.MaxIterations,
            NumberOfThreads = 1,
        });
}
