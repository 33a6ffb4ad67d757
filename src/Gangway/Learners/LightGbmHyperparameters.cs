namespace Gangway.Learners;

/// <summary>Hyperparameters of <see cref="LightGbmBinaryEstimator"/>; spec names in brackets. Defaults are LightGBM's.</summary>
public sealed record LightGbmHyperparameters
{
    /// <summary>
    /// Simplest first: fewer trees, then fewer leaves, then a larger <c>min_leaf</c>, then stronger <c>l1</c> and
    /// <c>l2</c> penalties (the one-standard-error rule of <c>gangway tune</c>). The learning rate and feature fraction are not ranked.
    /// </summary>
    public static IReadOnlyList<SimplicityRule> Simplicity { get; } =
    [
        SimplicityRule.Smaller("trees"), SimplicityRule.Smaller("leaves"), SimplicityRule.Larger("min_leaf"),
        SimplicityRule.Larger("l1"), SimplicityRule.Larger("l2"),
    ];

    /// <summary>[<c>trees</c>] The number of boosting iterations (trees). Default 100; at least 1.</summary>
    public int Trees { get; init; } = 100;

    /// <summary>[<c>leaves</c>] The maximum number of leaves per tree. Default 31; at least 2.</summary>
    public int Leaves { get; init; } = 31;

    /// <summary>[<c>min_leaf</c>] The minimum number of training rows in a leaf. Default 20; at least 1.</summary>
    public int MinLeaf { get; init; } = 20;

    /// <summary>[<c>learning_rate</c>] The shrinkage applied to each tree. Default 0.1; greater than 0.</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>[<c>feature_fraction</c>] The fraction of features each tree may use, drawn with the seed. Default 1; in (0, 1].</summary>
    public double FeatureFraction { get; init; } = 1.0;

    /// <summary>[<c>l1</c>] L1 regularization of leaf values. Default 0; at least 0.</summary>
    public double L1 { get; init; }

    /// <summary>[<c>l2</c>] L2 regularization of leaf values. Default 0.01; at least 0.</summary>
    public double L2 { get; init; } = 0.01;

    internal void Validate(string learner)
    {
        HyperparameterRules.AtLeast(learner, "trees", Trees, 1);
        HyperparameterRules.AtLeast(learner, "leaves", Leaves, 2);
        HyperparameterRules.AtLeast(learner, "min_leaf", MinLeaf, 1);
        HyperparameterRules.Positive(learner, "learning_rate", LearningRate);
        HyperparameterRules.Fraction(learner, "feature_fraction", FeatureFraction);
        HyperparameterRules.AtLeast(learner, "l1", L1, 0);
        HyperparameterRules.AtLeast(learner, "l2", L2, 0);
    }
}
