namespace Gangway.Evaluation;

/// <summary>The confusion matrix of a binary classifier, like scikit-learn's confusion_matrix, with the labels it counts.</summary>
/// <param name="TruePositives">Positive rows predicted positive.</param>
/// <param name="FalsePositives">Negative rows predicted positive.</param>
/// <param name="TrueNegatives">Negative rows predicted negative.</param>
/// <param name="FalseNegatives">Positive rows predicted negative.</param>
/// <param name="PositiveLabel">The positive class in its invariant text form (e.g. <c>1</c> or <c>yes</c>).</param>
/// <param name="NegativeLabel">The other class in its text form, or <see langword="null"/> when no row has it.</param>
public sealed record ConfusionMatrix(
    int TruePositives,
    int FalsePositives,
    int TrueNegatives,
    int FalseNegatives,
    string PositiveLabel,
    string? NegativeLabel);
