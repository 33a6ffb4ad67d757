namespace Gangway.Learners;

/// <summary>
/// Which way one hyperparameter makes a learner simpler, for choosing the simplest of nearly equal candidates (the
/// one-standard-error rule of <c>gangway tune --select one_se</c>). A learner declares its rules in priority order.
/// </summary>
/// <param name="Argument">The hyperparameter's spec name, e.g. <c>trees</c>.</param>
/// <param name="SmallerIsSimpler">True when a smaller value is simpler (fewer trees), false when a larger one is (a larger <c>min_leaf</c>, a stronger penalty).</param>
public sealed record SimplicityRule(string Argument, bool SmallerIsSimpler)
{
    /// <summary>A rule where a smaller value is simpler.</summary>
    public static SimplicityRule Smaller(string argument) => new(argument, true);

    /// <summary>A rule where a larger value is simpler.</summary>
    public static SimplicityRule Larger(string argument) => new(argument, false);
}
