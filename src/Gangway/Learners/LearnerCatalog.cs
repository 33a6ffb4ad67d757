using Gangway.Pipelines;
using Gangway.Specs;

namespace Gangway.Learners;

/// <summary>
/// Maps learner names used in spec files (<c>fast_tree</c>, <c>light_gbm</c>, <c>fast_forest</c>, <c>logistic_regression</c>)
/// to functions that build the estimator from the shared options and the learner's hyperparameters. Register your own
/// learners here. Registration and creation are thread-safe.
/// </summary>
public sealed class LearnerCatalog
{
    private readonly Dictionary<string, Func<BinaryClassifierOptions, StepArguments, IEstimator>> _creators = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>The catalog with the built-in learners, used by spec files.</summary>
    public static LearnerCatalog Default { get; } = CreateWithBuiltIns();

    /// <summary>The registered learner names, sorted.</summary>
    public IReadOnlyList<string> Names
    {
        get
        {
            lock (_lock)
            {
                return [.. _creators.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Creates a catalog holding only the built-in learners.</summary>
    public static LearnerCatalog CreateWithBuiltIns() => new LearnerCatalog()
        .Register(FastTreeBinaryEstimator.Name, (o, a) => new FastTreeBinaryEstimator(o, FastTreeHyperparameters.From(a)))
        .Register(LightGbmBinaryEstimator.Name, (o, a) => new LightGbmBinaryEstimator(o, LightGbmHyperparameters.From(a)))
        .Register(FastForestBinaryEstimator.Name, (o, a) => new FastForestBinaryEstimator(o, FastForestHyperparameters.From(a)))
        .Register(LbfgsLogisticRegressionEstimator.Name, (o, a) => new LbfgsLogisticRegressionEstimator(o, LogisticRegressionHyperparameters.From(a)));

    /// <summary>
    /// Registers (or replaces) the learner called <paramref name="name"/>. The creator should read every hyperparameter it
    /// knows from the <see cref="StepArguments"/> and then call <see cref="StepArguments.EnsureAllUsed"/>.
    /// </summary>
    public LearnerCatalog Register(string name, Func<BinaryClassifierOptions, StepArguments, IEstimator> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(create);
        lock (_lock)
        {
            _creators[name] = create;
        }

        return this;
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
        Func<BinaryClassifierOptions, StepArguments, IEstimator>? create;
        lock (_lock)
        {
            _creators.TryGetValue(name, out create);
        }

        return create is null
            ? throw new GangwayException(ErrorKind.InvalidConfiguration, $"Unknown learner '{name}'. Known learners: {string.Join(", ", Names)}.")
            : create(options, hyperparameters);
    }
}
