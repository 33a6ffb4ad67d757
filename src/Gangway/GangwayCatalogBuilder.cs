using Gangway.Learners;
using Gangway.Parsing;
using Gangway.Pipelines;
using Gangway.Specs;

namespace Gangway;

/// <summary>
/// Collects what a <see cref="GangwayCatalog"/> holds. Start from <see cref="GangwayCatalog.CreateBuilder"/> (the
/// built-ins) or from <c>new GangwayCatalogBuilder()</c> (nothing but the declarative parser), add custom parts, then
/// <see cref="Build"/>. Adding a name that is already there replaces it. Not thread-safe: build at start-up, then share
/// the catalog.
/// </summary>
public sealed class GangwayCatalogBuilder
{
    private readonly Dictionary<string, Func<StepArguments, FeatureStepCatalog, IEstimator>> _featureSteps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LearnerBinding> _learners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<TransformerReader, ITransformer>> _transformers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<ParserSpec, IParser>> _parsers = new(StringComparer.Ordinal)
    {
        [ParserCatalog.Declarative] = ParserCatalog.CreateDeclarative,
    };

    /// <summary>
    /// Adds a custom feature step in one go: the binder that builds its estimator from a spec's arguments, and the loader
    /// of the transformer its estimator fits, so both spec files and saved models can use it.
    /// </summary>
    /// <param name="stepName">The name spec files use, e.g. <c>min_max_scale</c>.</param>
    /// <param name="bind">
    /// Reads the step's arguments and builds the estimator from typed options; a given argument it does not read is an
    /// error (the catalog checks with <see cref="StepArguments.EnsureAllUsed"/> after it returns).
    /// </param>
    /// <param name="transformerKind">The <see cref="ITransformer.Kind"/> of the fitted transformer.</param>
    /// <param name="load">Loads that transformer from a saved model.</param>
    /// <returns>This builder, for chaining.</returns>
    public GangwayCatalogBuilder AddFeatureStep(string stepName, Func<StepArguments, IEstimator> bind, string transformerKind, Func<TransformerReader, ITransformer> load)
    {
        ArgumentNullException.ThrowIfNull(bind);
        return AddFeatureStepBinder(stepName, (args, _) => bind(args)).AddTransformer(transformerKind, load);
    }

    /// <summary>
    /// Adds a spec name for a step whose estimators fit transformers the catalog already loads (e.g. a preset of
    /// built-in steps). A step with a transformer of its own uses the overload that also takes its loader.
    /// </summary>
    /// <returns>This builder, for chaining.</returns>
    public GangwayCatalogBuilder AddFeatureStep(string stepName, Func<StepArguments, IEstimator> bind)
    {
        ArgumentNullException.ThrowIfNull(bind);
        return AddFeatureStepBinder(stepName, (args, _) => bind(args));
    }

    /// <summary>
    /// Adds a learner. Its binder should read every hyperparameter it knows from the <see cref="StepArguments"/> and then
    /// call <see cref="StepArguments.EnsureAllUsed"/>. <paramref name="simplicity"/> says which hyperparameters make it
    /// simpler, in priority order (see <see cref="LearnerCatalog.Simplicity"/>); without it, its tuning candidates are
    /// ranked by grid order only. A learner deriving from <see cref="BinaryClassifierEstimator"/> fits a transformer the
    /// catalog already loads; any other needs <see cref="AddTransformer"/> too.
    /// </summary>
    /// <returns>This builder, for chaining.</returns>
    public GangwayCatalogBuilder AddLearner(string name, Func<BinaryClassifierOptions, StepArguments, IEstimator> bind, IReadOnlyList<SimplicityRule>? simplicity = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(bind);
        _learners[name] = new LearnerBinding(bind, [.. simplicity ?? []]);
        return this;
    }

    /// <summary>Adds the loader of a transformer kind that no spec step names (e.g. one built in code only).</summary>
    /// <returns>This builder, for chaining.</returns>
    public GangwayCatalogBuilder AddTransformer(string kind, Func<TransformerReader, ITransformer> load)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(load);
        _transformers[kind] = load;
        return this;
    }

    /// <summary>Adds a code parser that parser specs choose with <c>type: <paramref name="type"/></c>.</summary>
    /// <param name="type">The name a parser spec gives as <c>type:</c>.</param>
    /// <param name="create">Creates the parser from its spec (contract, encoding, <see cref="ParserSpec.Options"/>...).</param>
    /// <returns>This builder, for chaining.</returns>
    public GangwayCatalogBuilder AddParser(string type, Func<ParserSpec, IParser> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ArgumentNullException.ThrowIfNull(create);
        _parsers[type] = create;
        return this;
    }

    /// <summary>The immutable catalog of everything added so far; the builder can go on to build others.</summary>
    public GangwayCatalog Build() => new(
        new FeatureStepCatalog(_featureSteps),
        new LearnerCatalog(_learners),
        new TransformerCatalog(_transformers),
        new ParserCatalog(_parsers));

    internal GangwayCatalogBuilder AddFeatureStepBinder(string stepName, Func<StepArguments, FeatureStepCatalog, IEstimator> bind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stepName);
        _featureSteps[stepName] = bind;
        return this;
    }

    internal GangwayCatalogBuilder AddBuiltIns()
    {
        FeatureStepBinders.AddBuiltIns(this);
        LearnerBinders.AddBuiltIns(this);
        return BuiltInTransformers.AddBuiltIns(this);
    }
}
