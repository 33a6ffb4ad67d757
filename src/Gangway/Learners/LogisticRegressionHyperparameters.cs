namespace Gangway.Learners;

/// <summary>Hyperparameters of <see cref="LbfgsLogisticRegressionEstimator"/>; spec names in brackets.</summary>
public sealed record LogisticRegressionHyperparameters
{
    /// <summary>
    /// Simplest first: a stronger L2 penalty, then a stronger L1 penalty (the one-standard-error rule of
    /// <c>gangway tune</c>). <c>max_iterations</c> is not ranked.
    /// </summary>
    public static IReadOnlyList<SimplicityRule> Simplicity { get; } = [SimplicityRule.Larger("l2"), SimplicityRule.Larger("l1")];

    /// <summary>[<c>l1</c>] L1 (lasso) regularization weight. Default 0 (like scikit-learn's penalty='l2'); at least 0.</summary>
    public double L1 { get; init; }

    /// <summary>[<c>l2</c>] L2 (ridge) regularization weight. Default 1; at least 0.</summary>
    public double L2 { get; init; } = 1.0;

    /// <summary>[<c>max_iterations</c>] The most L-BFGS iterations before stopping. Default 1000; at least 1.</summary>
    public int MaxIterations { get; init; } = 1000;

    internal void Validate(string learner)
    {
        HyperparameterRules.AtLeast(learner, "l1", L1, 0);
        HyperparameterRules.AtLeast(learner, "l2", L2, 0);
        HyperparameterRules.AtLeast(learner, "max_iterations", MaxIterations, 1);
    }
}
