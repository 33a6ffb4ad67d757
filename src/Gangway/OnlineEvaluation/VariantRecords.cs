namespace Gangway.OnlineEvaluation;

/// <summary>
/// The records of one variant in time order, held as columns: what metrics and sequential tests read. Labels and
/// predictions are checked and turned into classes once, when the records are read.
/// </summary>
internal sealed class VariantRecords
{
    private const double Epsilon = 1e-15;

    public VariantRecords(string name, bool isShadow, long[] ticks, string[] answerIds, sbyte[] label, bool[] predicted, double[] probability, double[] reward, long predictions = 0)
    {
        (Name, IsShadow, Predictions) = (name, isShadow, Math.Max(predictions, ticks.Length));
        (Ticks, AnswerIds, Label, Predicted, Probability, Reward) = (ticks, answerIds, label, predicted, probability, reward);
    }

    public string Name { get; }

    public bool IsShadow { get; }

    public int Count => Ticks.Length;

    /// <summary>The number of predictions the variant made: the records here, or more when only those with feedback were read.</summary>
    public long Predictions { get; }

    /// <summary>The time of each record in UTC ticks, increasing.</summary>
    public long[] Ticks { get; }

    public string[] AnswerIds { get; }

    /// <summary>1 for a positive label, 0 for a negative one, -1 for none.</summary>
    public sbyte[] Label { get; }

    /// <summary>Whether the predicted class is the positive one; meaningful where there is a label.</summary>
    public bool[] Predicted { get; }

    /// <summary>The probability of the positive class, NaN where the model gave none.</summary>
    public double[] Probability { get; }

    /// <summary>The reward, NaN where none was fed back.</summary>
    public double[] Reward { get; }

    /// <summary>The per-record value of <paramref name="metric"/> for record <paramref name="i"/>, or NaN where it has none.</summary>
    public double Value(DecisionMetric metric, int i)
    {
        var label = Label[i];
        var p = Probability[i];
        return metric switch
        {
            DecisionMetric.Accuracy => label < 0 ? double.NaN : (Predicted[i] == (label == 1) ? 1 : 0),
            DecisionMetric.LogLoss => label < 0 || double.IsNaN(p) ? double.NaN : -Math.Log(label == 1 ? Math.Clamp(p, Epsilon, 1 - Epsilon) : 1 - Math.Clamp(p, Epsilon, 1 - Epsilon)),
            DecisionMetric.Brier => label < 0 || double.IsNaN(p) ? double.NaN : (p - label) * (p - label),
            DecisionMetric.Reward => Reward[i],
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
        };
    }
}
