namespace Gangway.Learners;

/// <summary>The names of the columns a fitted learner adds to the table.</summary>
public static class PredictionColumns
{
    /// <summary>The predicted class, with the same type as the training label (numbers stay numbers, text stays text).</summary>
    public const string Prediction = "prediction";

    /// <summary>The probability of the positive class, a number in [0, 1].</summary>
    public const string Probability = "probability";
}
