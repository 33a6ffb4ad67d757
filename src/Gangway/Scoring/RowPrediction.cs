namespace Gangway.Scoring;

/// <summary>What a <see cref="RowScorer"/> predicts for one row.</summary>
/// <param name="Probability">The probability of the positive class, finite and within [0, 1].</param>
/// <param name="Number">The predicted class when the label is numeric; NaN otherwise.</param>
/// <param name="Text">The predicted class when the label is text; null otherwise.</param>
public readonly record struct RowPrediction(double Probability, double Number, string? Text);
