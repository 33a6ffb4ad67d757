namespace Gangway.Learners;

/// <summary>
/// What a binary classifier learns from: the label, which of its two values is the positive class, the feature columns
/// and the seed. Immutable; shared by every learner in <see cref="GangwayCatalog.Learners"/>.
/// </summary>
public sealed record BinaryClassifierOptions
{
    /// <summary>Creates options for predicting <paramref name="positiveClass"/> of <paramref name="labelColumn"/>.</summary>
    /// <param name="labelColumn">The column to predict; numeric or text, with exactly two distinct values.</param>
    /// <param name="positiveClass">
    /// The label value whose probability is predicted, in its invariant text form (<see cref="Data.Column.FormatValue"/>),
    /// e.g. <c>"1"</c> for a numeric 0/1 label or <c>"yes"</c> for a text label.
    /// </param>
    /// <exception cref="GangwayException">A name is empty (<see cref="ErrorKind.InvalidConfiguration"/>).</exception>
    public BinaryClassifierOptions(string labelColumn, string positiveClass)
    {
        if (string.IsNullOrWhiteSpace(labelColumn))
        {
            throw new GangwayException(ErrorKind.InvalidConfiguration, "A learner needs a label column; none was given.");
        }

        if (string.IsNullOrEmpty(positiveClass))
        {
            throw new GangwayException(
                ErrorKind.InvalidConfiguration,
                $"A learner needs the positive class of label column '{labelColumn}'; none was given.");
        }

        LabelColumn = labelColumn;
        PositiveClass = positiveClass;
    }

    /// <summary>The column to predict.</summary>
    public string LabelColumn { get; }

    /// <summary>The label value whose probability is predicted, in invariant text form.</summary>
    public string PositiveClass { get; }

    /// <summary>
    /// The feature columns, in the order given, or <see langword="null"/> (the default) for every numeric column except
    /// the label and <see cref="ExcludedColumns"/>, in table order. Features must be numeric and have no missing values.
    /// </summary>
    public IReadOnlyList<string>? FeatureColumns { get; init; }

    /// <summary>Columns never used as features when <see cref="FeatureColumns"/> is not given, e.g. ids. Default: none.</summary>
    public IReadOnlyList<string> ExcludedColumns { get; init; } = [];

    /// <summary>The seed of every random choice the learner makes; the same seed and data give identical models. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Checks the options that do not depend on data.</summary>
    internal void Validate()
    {
        if (FeatureColumns is null)
        {
            return;
        }

        if (FeatureColumns.Count == 0)
        {
            throw new GangwayException(ErrorKind.InvalidConfiguration, "The learner's feature column list is empty; leave it out to use every numeric column.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in FeatureColumns)
        {
            if (string.Equals(name, LabelColumn, StringComparison.Ordinal))
            {
                throw new GangwayException(ErrorKind.InvalidConfiguration, $"The label column '{LabelColumn}' cannot also be a feature column.");
            }

            if (!seen.Add(name))
            {
                throw new GangwayException(ErrorKind.InvalidConfiguration, $"Feature column '{name}' is listed more than once.");
            }
        }
    }
}
