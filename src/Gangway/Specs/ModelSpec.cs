using Gangway.Data;
using Gangway.Schema;

namespace Gangway.Specs;

/// <summary>
/// Everything needed to train a model reproducibly: the target, the input contract, the feature pipeline, the learner,
/// the seed and what to report. Read from YAML or JSON with <see cref="ModelSpecReader"/>, or built in C# and written
/// with <see cref="ModelSpecWriter"/>. See docs/spec-reference.md.
/// </summary>
public sealed record ModelSpec
{
    /// <summary>The model's name (letters, digits, '-', '_', '.').</summary>
    public required string Name { get; init; }

    /// <summary>A free-text description for people.</summary>
    public string? Description { get; init; }

    /// <summary>The column to predict and its positive class.</summary>
    public required TargetSpec Target { get; init; }

    /// <summary>
    /// The data contract the model's data must meet (training, batch scoring and serving all check it), or null.
    /// In a spec file: <c>schema: path/to/contract.schema.yaml</c>, relative to the spec file.
    /// </summary>
    public DataSchema? Contract { get; init; }

    /// <summary>The contract's path as written in the spec file, or null.</summary>
    public string? ContractPath { get; init; }

    /// <summary>Columns passed through to outputs (e.g. a customer or booking id); never used as features.</summary>
    public IReadOnlyList<InputColumnSpec> IdColumns { get; init; } = [];

    /// <summary>The input columns the model reads, with their types. Any other column in the data is ignored.</summary>
    public required IReadOnlyList<InputColumnSpec> Inputs { get; init; }

    /// <summary>The feature steps, in order.</summary>
    public IReadOnlyList<StepSpec> Features { get; init; } = [];

    /// <summary>The learner and its hyperparameters.</summary>
    public required StepSpec Learner { get; init; }

    /// <summary>How the learner's probabilities are recalibrated (the <c>calibration:</c> key), or null to use them as they are.</summary>
    public CalibrationSpec? Calibration { get; init; }

    /// <summary>The seed for every source of randomness (default 42).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Input columns whose values define the slices that evaluation reports separately.</summary>
    public IReadOnlyList<string> Slices { get; init; } = [];

    /// <summary>Rule baselines evaluated side by side with the model (the majority class is always included).</summary>
    public IReadOnlyList<RuleBaselineSpec> Baselines { get; init; } = [];

    /// <summary>The upgrade counterfactual (the <c>upsell:</c> section), or null when the model does not recommend upgrades.</summary>
    public UpsellSpec? Upsell { get; init; }

    /// <summary>The checks a new version must pass to be promoted (the <c>promotion:</c> section), or null.</summary>
    public PromotionSpec? Promotion { get; init; }

    /// <summary>How the deployed model is monitored (the <c>monitoring:</c> section), or null for the defaults.</summary>
    public MonitoringSpec? Monitoring { get; init; }
}

/// <summary>The prediction target.</summary>
/// <param name="Column">The label column.</param>
/// <param name="PositiveClass">The label value (as written in the data) that counts as positive.</param>
public sealed record TargetSpec(string Column, string PositiveClass);

/// <summary>An input column of the model's contract.</summary>
/// <param name="Name">The column name, matched by CSV header.</param>
/// <param name="Type">The physical type.</param>
public sealed record InputColumnSpec(string Name, ColumnType Type);

/// <summary>A feature step or learner: a catalog name plus its arguments.</summary>
/// <param name="Name">The catalog name, e.g. <c>impute</c> or <c>fast_tree</c>.</param>
/// <param name="Arguments">The arguments as read from the spec (strings, lists, maps).</param>
/// <param name="Location">Where the step was declared (e.g. <c>features[2], line 14</c>), for messages.</param>
public sealed record StepSpec(string Name, IReadOnlyDictionary<string, object?> Arguments, string? Location = null)
{
    /// <summary>The arguments wrapped for typed, checked reading.</summary>
    public StepArguments ToArguments() => new(Name, Arguments);
}

/// <summary>A baseline that predicts positive exactly when <paramref name="Column"/> equals <paramref name="EqualsValue"/>.</summary>
/// <param name="Name">The name shown in reports.</param>
/// <param name="Column">The column the rule reads.</param>
/// <param name="EqualsValue">The value that predicts the positive class.</param>
public sealed record RuleBaselineSpec(string Name, string Column, string EqualsValue);
