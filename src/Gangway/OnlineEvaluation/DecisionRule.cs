using System.Globalization;

namespace Gangway.OnlineEvaluation;

/// <summary>
/// When a challenger should be promoted or rolled back: a deployment's <c>promote_when</c> or <c>rollback_when</c>.
/// A rule fires when the always-valid confidence sequence of the challenger's lead over the champion on
/// <paramref name="Metric"/> lies wholly beyond <paramref name="Margin"/> (above it to promote, below minus it to roll back).
/// </summary>
/// <param name="Metric">The per-record metric compared (<c>metric</c>).</param>
/// <param name="Margin">By how much (metric units, at least 0) the challenger must be better or worse (<c>margin</c>). Default 0.</param>
/// <param name="Confidence">The confidence level of the sequence, strictly between 0 and 1 (<c>confidence</c>). Default 0.95.</param>
/// <param name="MinimumLabelled">
/// The records with a value of the metric each side needs before the rule may fire (<c>minimum_labelled</c>, at least 2);
/// for a shadow, the records it shares with the champion. Default 100.
/// </param>
public sealed record DecisionRule(DecisionMetric Metric, double Margin = 0, double Confidence = 0.95, int MinimumLabelled = 100)
{
    /// <summary>Checks the rule; <paramref name="name"/> (e.g. <c>promote_when</c>) is used in messages.</summary>
    /// <exception cref="GangwayException">The margin is negative or not finite, the confidence is outside (0, 1) or the minimum is below 2.</exception>
    public DecisionRule Validated(string name)
    {
        var problem =
            !(Margin >= 0 && double.IsFinite(Margin)) ? $"margin must be a number of at least 0; it is {Format(Margin)}"
            : !(Confidence is > 0 and < 1) ? $"confidence must be strictly between 0 and 1, e.g. 0.95; it is {Format(Confidence)}"
            : MinimumLabelled < 2 ? $"minimum_labelled must be at least 2; it is {MinimumLabelled}"
            : null;
        return problem is null ? this : throw new GangwayException(ErrorKind.InvalidConfiguration, $"Rule '{name}': {problem}.");
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
