using Gangway.Features;
using Gangway.Pipelines;

namespace Gangway.Specs;

/// <summary>
/// The feature-step part of a <see cref="GangwayCatalog"/>: maps the step names a spec file uses to the binders that
/// build estimators from the step's arguments. Immutable (built by <see cref="GangwayCatalogBuilder"/>), so safe to
/// share between threads.
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
    private readonly IReadOnlyDictionary<string, Func<StepArguments, FeatureStepCatalog, IEstimator>> _binders;

    internal FeatureStepCatalog(IEnumerable<KeyValuePair<string, Func<StepArguments, FeatureStepCatalog, IEstimator>>> binders)
    {
        _binders = new Dictionary<string, Func<StepArguments, FeatureStepCatalog, IEstimator>>(binders, StringComparer.Ordinal);
        StepNames = [.. _binders.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>The step names, sorted.</summary>
    public IReadOnlyList<string> StepNames { get; }

    /// <summary>Builds the estimator for a step of a spec.</summary>
    /// <exception cref="GangwayException">
    /// An unknown step name (the message lists the known ones), or arguments that are missing, malformed or not recognised
    /// (all <see cref="ErrorKind.InvalidConfiguration"/>).
    /// </exception>
    public IEstimator Create(string stepName, StepArguments args)
    {
        ArgumentNullException.ThrowIfNull(stepName);
        ArgumentNullException.ThrowIfNull(args);
        if (!_binders.TryGetValue(stepName, out var bind))
        {
            throw new GangwayException(
                ErrorKind.InvalidConfiguration,
                $"Unknown feature step '{stepName}'. Known steps: {string.Join(", ", StepNames)}. Add custom steps with GangwayCatalogBuilder.AddFeatureStep.");
        }

        var estimator = bind(args, this);
        // Also covers custom binders that forget to check: a misspelt argument is never silently ignored.
        args.EnsureAllUsed();
        return estimator;
    }
}
