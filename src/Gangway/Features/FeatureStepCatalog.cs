using Gangway.Pipelines;
using Gangway.Specs;

namespace Gangway.Features;

/// <summary>
/// Maps the step names a spec file uses to functions that build estimators from the step's arguments.
/// Register your own steps here (see docs/custom-steps.md). Registration and creation are thread-safe.
/// </summary>
/// <remarks>
/// Built-in steps (arguments in braces; defaults after <c>=</c>):
/// <list type="table">
/// <item><term><c>select {columns}</c></term><description><see cref="SelectColumnsEstimator"/></description></item>
/// <item><term><c>drop {columns}</c></term><description><see cref="DropColumnsEstimator"/></description></item>
/// <item><term><c>impute {columns, strategy: mean|median|most_frequent|constant, value?}</c></term><description><see cref="ImputingEstimator"/>; <c>value</c> only with constant.</description></item>
/// <item><term><c>one_hot {columns, unknown: error|all_zeros = error, drop_first = false}</c></term><description><see cref="OneHotEncodingEstimator"/></description></item>
/// <item><term><c>standard_scale {columns, with_mean = true, with_std = true}</c></term><description><see cref="StandardScalingEstimator"/></description></item>
/// <item><term><c>bin {columns, bins = 5, strategy: quantile|uniform = quantile}</c></term><description><see cref="BinningEstimator"/></description></item>
/// <item><term><c>title {from = Name, to = Title}</c></term><description><see cref="TitleExtractingEstimator"/> with the default title map.</description></item>
/// <item><term><c>family_size {columns, to}</c></term><description>Counts of relatives plus one (the person): <see cref="SumColumnsEstimator"/> with offset 1.</description></item>
/// <item><term><c>sum {columns, to, offset = 0}</c></term><description><see cref="SumColumnsEstimator"/></description></item>
/// <item><term><c>column_transformer {parts: [{name, columns, steps: [{step, ...}]}], remainder: passthrough|drop = passthrough}</c></term>
/// <description><see cref="ColumnTransformerEstimator"/>; a part with several steps becomes a <see cref="PipelineEstimator"/>; a nested step without <c>columns</c> gets the part's columns.</description></item>
/// </list>
/// </remarks>
public sealed class FeatureStepCatalog
{
    private readonly Dictionary<string, Func<StepArguments, IEstimator>> _creators = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>The catalog with every built-in step, used by spec files.</summary>
    public static FeatureStepCatalog Default { get; } = CreateWithBuiltIns();

    /// <summary>The registered step names, sorted.</summary>
    public IReadOnlyList<string> StepNames
    {
        get
        {
            lock (_lock)
            {
                return [.. _creators.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Creates a catalog holding only the built-in steps.</summary>
    public static FeatureStepCatalog CreateWithBuiltIns() => BuiltInFeatureSteps.RegisterAll(new FeatureStepCatalog());

    /// <summary>Registers (or replaces) the function that builds the estimator for <paramref name="stepName"/>.</summary>
    /// <param name="stepName">The name spec files use.</param>
    /// <param name="create">Builds the estimator from the step's arguments; it should call <see cref="StepArguments.EnsureAllUsed"/>.</param>
    /// <returns>This catalog, for chaining.</returns>
    public FeatureStepCatalog Register(string stepName, Func<StepArguments, IEstimator> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stepName);
        ArgumentNullException.ThrowIfNull(create);
        lock (_lock)
        {
            _creators[stepName] = create;
        }

        return this;
    }

    /// <summary>Builds the estimator for a step of a spec.</summary>
    /// <exception cref="GangwayException">
    /// An unknown step name (the message lists the known ones), or arguments that are missing, malformed or not recognised
    /// (all <see cref="ErrorKind.InvalidConfiguration"/>).
    /// </exception>
    public IEstimator Create(string stepName, StepArguments args)
    {
        ArgumentNullException.ThrowIfNull(stepName);
        ArgumentNullException.ThrowIfNull(args);
        Func<StepArguments, IEstimator>? create;
        lock (_lock)
        {
            _creators.TryGetValue(stepName, out create);
        }

        if (create is null)
        {
            throw new GangwayException(
                ErrorKind.InvalidConfiguration,
                $"Unknown feature step '{stepName}'. Known steps: {string.Join(", ", StepNames)}. Register custom steps with FeatureStepCatalog.Default.Register.");
        }

        var estimator = create(args);
        // Also covers custom creators that forget to check: a misspelt argument is never silently ignored.
        args.EnsureAllUsed();
        return estimator;
    }
}
