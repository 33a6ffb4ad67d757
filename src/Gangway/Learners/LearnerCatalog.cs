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
    private readonly Dictionary<string, IReadOnlyList<SimplicityRule>> _simplicity = new(StringComparer.Ordinal);
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
        .Register(FastTreeBinaryEstimator.Name, (o, a) => new FastTreeBinaryEstimator(o, FastTreeHyperparameters.From(a)), FastTreeHyperparameters.Simplicity)
        .Register(LightGbmBinaryEstimator.Name, (o, a) => new LightGbmBinaryEstimator(o, LightGbmHyperparameters.From(a)), LightGbmHyperparameters.Simplicity)
        .Register(FastForestBinaryEstimator.Name, (o, a) => new FastForestBinaryEstimator(o, FastForestHyperparameters.From(a)), FastForestHyperparameters.Simplicity)
        .Register(LbfgsLogisticRegressionEstimator.Name, (o, a) => new LbfgsLogisticRegressionEstimator(o, LogisticRegressionHyperparameters.From(a)), LogisticRegressionHyperparameters.Simplicity);

    /// <summary>
    /// Registers (or replaces) the learner called <paramref name="name"/>. The creator should read every hyperparameter it
    /// knows from the <see cref="StepArguments"/> and then call <see cref="StepArguments.EnsureAllUsed"/>.
    /// <paramref name="simplicity"/> says which hyperparameters make it simpler, in priority order (see
    /// <see cref="Simplicity"/>); without it, its tuning candidates are ranked by grid order only.
    /// </summary>
    public LearnerCatalog Register(string name, Func<BinaryClassifierOptions, StepArguments, IEstimator> create, IReadOnlyList<SimplicityRule>? simplicity = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(create);
        lock (_lock)
        {
            _creators[name] = create;
            _simplicity[name] = [.. simplicity ?? []];
        }

        return this;
    }

    /// <summary>
    /// The hyperparameters that make the learner called <paramref name="name"/> simpler, most important first, as
    /// registered (used by <c>gangway tune --select one_se</c>); empty for a learner that declares none or is unknown.
    /// </summary>
    public IReadOnlyList<SimplicityRule> Simplicity(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_lock)
        {
            return _simplicity.TryGetValue(name, out var rules) ? rules : [];
        }
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
