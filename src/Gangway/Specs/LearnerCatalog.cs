using Gangway.Learners;
using Gangway.Pipelines;

namespace Gangway.Specs;

/// <summary>
/// The learner part of a <see cref="GangwayCatalog"/>: maps learner names used in spec files (<c>fast_tree</c>,
/// <c>light_gbm</c>, <c>fast_forest</c>, <c>logistic_regression</c>) to the binders that build the estimator from the
/// shared options and the learner's hyperparameters. Immutable (built by <see cref="GangwayCatalogBuilder"/>), so safe
/// to share between threads.
/// </summary>
public sealed class LearnerCatalog
{
    private readonly IReadOnlyDictionary<string, LearnerBinding> _learners;

    internal LearnerCatalog(IEnumerable<KeyValuePair<string, LearnerBinding>> learners)
    {
        _learners = new Dictionary<string, LearnerBinding>(learners, StringComparer.Ordinal);
        Names = [.. _learners.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>The learner names, sorted.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>
    /// The hyperparameters that make the learner called <paramref name="name"/> simpler, most important first, as
    /// declared when it was added (used by <c>gangway tune --select one_se</c>); empty for a learner that declares none or is unknown.
    /// </summary>
    public IReadOnlyList<SimplicityRule> Simplicity(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _learners.TryGetValue(name, out var learner) ? learner.Simplicity : [];
    }

    /// <summary>Builds the learner called <paramref name="name"/>.</summary>
    /// <exception cref="GangwayException">
    /// The name is unknown (the message lists the known names), or a hyperparameter is unknown, malformed or out of range
    /// (<see cref="ErrorKind.InvalidConfiguration"/>).
    /// </exception>
    public IEstimator Create(string name, BinaryClassifierOptions options, StepArguments hyperparameters)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(hyperparameters);
        if (!_learners.TryGetValue(name, out var learner))
        {
            throw new GangwayException(ErrorKind.InvalidConfiguration, $"Unknown learner '{name}'. Known learners: {string.Join(", ", Names)}.");
        }

        return learner.Bind(options, hyperparameters);
    }
}

/// <summary>How a learner is built from a spec, and which of its hyperparameters make it simpler.</summary>
internal sealed record LearnerBinding(Func<BinaryClassifierOptions, StepArguments, IEstimator> Bind, IReadOnlyList<SimplicityRule> Simplicity);
