namespace Gangway.Evaluation;

/// <summary>What <see cref="BinaryClassificationEvaluator"/> reads from a scored table and what it adds to the report.</summary>
public sealed class BinaryClassificationEvaluatorOptions
{
    /// <summary>The column with the true class (numbers or text). Required.</summary>
    public required string LabelColumn { get; init; }

    /// <summary>
    /// The positive class in its invariant text form, e.g. <c>1</c> or <c>yes</c>. Required. For a numeric label a number
    /// written another way (<c>1.0</c>) is normalised.
    /// </summary>
    public required string PositiveClass { get; init; }

    /// <summary>The numeric column with the probability of the positive class. Default <c>probability</c>.</summary>
    public string ProbabilityColumn { get; init; } = "probability";

    /// <summary>The column with the predicted class, of the same kind as the label. Default <c>prediction</c>.</summary>
    public string PredictionColumn { get; init; } = "prediction";

    /// <summary>Columns whose distinct values each get their own metrics. Default none.</summary>
    public IReadOnlyList<string> SliceColumns { get; init; } = [];

    /// <summary>Reference models evaluated on the same rows. Default none.</summary>
    public IReadOnlyList<IBaseline> Baselines { get; init; } = [];

    /// <summary>
    /// When set, the report adds bootstrap confidence intervals of every scalar metric, overall and per slice (slices of
    /// fewer than <see cref="BootstrapOptions.MinimumRows"/> rows get a note instead). Default none.
    /// </summary>
    public BootstrapOptions? Bootstrap { get; init; }
}
