namespace Gangway.Learners;

/// <summary>Hyperparameters of <see cref="FastTreeBinaryEstimator"/>; spec names in brackets. Defaults are ML.NET's.</summary>
public sealed record FastTreeHyperparameters
{
    /// <summary>
    /// Simplest first: fewer trees, then fewer leaves, then a larger <c>min_leaf</c> (the one-standard-error rule of
    /// <c>gangway tune</c>). The learning rate and feature fraction are not ranked: neither way is plainly simpler.
    /// </summary>
    public static IReadOnlyList<SimplicityRule> Simplicity { get; } =
        [SimplicityRule.Smaller("trees"), SimplicityRule.Smaller("leaves"), SimplicityRule.Larger("min_leaf")];

    /// <summary>[<c>trees</c>] The number of boosting rounds (trees). Default 100; at least 1.</summary>
    public int Trees { get; init; } = 100;

    /// <summary>[<c>leaves</c>] The maximum number of leaves per tree. Default 20; at least 2.</summary>
    public int Leaves { get; init; } = 20;

    /// <summary>[<c>min_leaf</c>] The minimum number of training rows in a leaf. Default 10; at least 1.</summary>
    public int MinLeaf { get; init; } = 10;

    /// <summary>[<c>learning_rate</c>] The shrinkage applied to each tree. Default 0.2; greater than 0.</summary>
    public double LearningRate { get; init; } = 0.2;

    /// <summary>[<c>feature_fraction</c>] The fraction of features each tree may use, drawn with the seed. Default 1; in (0, 1].</summary>
    public double FeatureFraction { get; init; } = 1.0;

    internal void Validate(string learner)
    {
        HyperparameterRules.AtLeast(learner, "trees", Trees, 1);
        HyperparameterRules.AtLeast(learner, "leaves", Leaves, 2);
        HyperparameterRules.AtLeast(learner, "min_leaf", MinLeaf, 1);
        HyperparameterRules.Positive(learner, "learning_rate", LearningRate);
        HyperparameterRules.Fraction(learner, "feature_fraction", FeatureFraction);
    }
}
