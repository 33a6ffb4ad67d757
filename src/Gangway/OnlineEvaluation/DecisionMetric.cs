namespace Gangway.OnlineEvaluation;

/// <summary>
/// A metric with a value per record, which is what a sequential test compares: a rule's <c>metric</c>. ROC AUC and
/// calibration error have no per-record value, so rules cannot use them.
/// </summary>
public enum DecisionMetric
{
    /// <summary><c>accuracy</c>: 1 when the predicted class is the label, else 0; higher is better.</summary>
    Accuracy,

    /// <summary><c>log_loss</c>: the negative log of the probability given to the label; lower is better.</summary>
    LogLoss,

    /// <summary><c>brier</c>: the squared gap between the probability and the label (1 or 0); lower is better.</summary>
    Brier,

    /// <summary><c>reward</c>: the reward fed back; higher is better.</summary>
    Reward,
}

/// <summary>The names of <see cref="DecisionMetric"/> as rules and reports write them.</summary>
public static class DecisionMetrics
{
    private static readonly (DecisionMetric Metric, string Name)[] Names =
    [
        (DecisionMetric.Accuracy, "accuracy"),
        (DecisionMetric.LogLoss, "log_loss"),
        (DecisionMetric.Brier, "brier"),
        (DecisionMetric.Reward, "reward"),
    ];

    /// <summary>The metric's report name, e.g. <c>log_loss</c>.</summary>
    public static string NameOf(DecisionMetric metric) => Names.First(n => n.Metric == metric).Name;

    /// <summary>The metric named <paramref name="name"/> (as in a rule's <c>metric:</c>).</summary>
    /// <exception cref="GangwayException">The name is not one of accuracy, log_loss, brier, reward.</exception>
    public static DecisionMetric Parse(string name)
    {
        foreach (var (metric, known) in Names)
        {
            if (string.Equals(known, name, StringComparison.Ordinal))
            {
                return metric;
            }
        }

        var hint = name is "roc_auc" or "expected_calibration_error" ? $" ({name} has no value per record, which a sequential test needs)" : string.Empty;
        throw new GangwayException(
            ErrorKind.InvalidConfiguration,
            $"A decision metric must be one of {string.Join(", ", Names.Select(n => n.Name))}; got '{name}'{hint}.");
    }

    /// <summary>Whether a higher value is better: true for accuracy and reward, false for log loss and Brier score.</summary>
    public static bool HigherIsBetter(DecisionMetric metric) => metric is DecisionMetric.Accuracy or DecisionMetric.Reward;
}
