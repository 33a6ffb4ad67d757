using System.Globalization;

namespace Gangway.OnlineEvaluation;

/// <summary>
/// Turns the sequential tests of a challenger against the champion into a decision: <c>collecting</c>,
/// <c>keep_running</c>, <c>promote</c> or <c>rollback</c>, with the reason in plain words. Pure: no store, no I/O; the
/// host acts on <see cref="VariantDecision.Acts"/> (promotion through the same gates and audit log as a person).
/// </summary>
public static class DeploymentDecision
{
    /// <summary>
    /// The decision about <paramref name="variant"/>. A rule whose test has fewer than its minimum records on either side
    /// cannot fire. Rollback is checked before promotion, so a challenger found worse on one metric is never promoted on
    /// another. A rule fires when the confidence sequence of the challenger's lead (better positive: for log loss and
    /// Brier the champion's value minus the challenger's) lies wholly above the promote margin or below minus the
    /// rollback margin.
    /// </summary>
    /// <param name="rules">The rules.</param>
    /// <param name="variant">The challenger's name.</param>
    /// <param name="isShadow">Whether the challenger is a shadow.</param>
    /// <param name="promoteTest">The test on <c>promote_when</c>'s metric and confidence; required when that rule is set.</param>
    /// <param name="rollbackTest">The test on <c>rollback_when</c>'s metric and confidence; required when that rule is set.</param>
    /// <exception cref="GangwayException">The rules are invalid.</exception>
    /// <exception cref="ArgumentException">A rule is set but its test is missing.</exception>
    public static VariantDecision Decide(DecisionRules rules, string variant, bool isShadow, SequentialTestResult? promoteTest, SequentialTestResult? rollbackTest)
    {
        ArgumentNullException.ThrowIfNull(rules);
        rules.Validated();
        var promote = rules.PromoteWhen is { } p ? new Judged(p, promoteTest ?? throw new ArgumentException("promote_when is set; give its test.", nameof(promoteTest))) : null;
        var rollback = rules.RollbackWhen is { } r ? new Judged(r, rollbackTest ?? throw new ArgumentException("rollback_when is set; give its test.", nameof(rollbackTest))) : null;
        var (champion, auto) = (rules.Champion, rules.Decide == DecisionMode.Auto);
        VariantDecision Decision(DecisionOutcome outcome, string reason) =>
            new(variant, isShadow, outcome, reason, auto && outcome is DecisionOutcome.Promote or DecisionOutcome.Rollback, promoteTest, rollbackTest);

        if (promote is null && rollback is null)
        {
            return Decision(DecisionOutcome.KeepRunning, $"No promote_when or rollback_when rule: '{variant}' keeps running beside '{champion}'.");
        }

        if (rollback is { HasEnough: true } && rollback.Upper < -rollback.Rule.Margin)
        {
            return Decision(DecisionOutcome.Rollback, $"'{variant}' is worse than '{champion}' on {rollback.Name}: {rollback.Figures(variant, champion)}, wholly below -{Number(rollback.Rule.Margin)} (rollback_when).");
        }

        if (promote is { HasEnough: true } && promote.Lower > promote.Rule.Margin)
        {
            return Decision(DecisionOutcome.Promote, $"'{variant}' is better than '{champion}' on {promote.Name}: {promote.Figures(variant, champion)}, wholly above {Number(promote.Rule.Margin)} (promote_when).");
        }

        var lacking = new[] { promote, rollback }.FirstOrDefault(j => j is { HasEnough: false });
        if (lacking is not null)
        {
            return Decision(
                DecisionOutcome.Collecting,
                $"Collecting: {lacking.Name} has {Count(lacking.Test.ChallengerRecords)} records of '{variant}' and {Count(lacking.Test.ChampionRecords)} of '{champion}'"
                + $"{(isShadow ? " on shared answers" : string.Empty)}; the rule needs {Count(lacking.Rule.MinimumLabelled)} each.");
        }

        var shown = promote ?? rollback!;
        var margins = (promote, rollback) switch
        {
            (null, _) => $"does not clear the rollback margin -{Number(rollback!.Rule.Margin)}",
            (_, null) => $"does not clear the promote margin {Number(promote.Rule.Margin)}",
            _ => $"clears neither the promote margin {Number(promote.Rule.Margin)} nor the rollback margin -{Number(rollback.Rule.Margin)}",
        };
        return Decision(DecisionOutcome.KeepRunning, $"No decision yet on {shown.Name}: {shown.Figures(variant, champion)}, which {margins}.");
    }

    private static string Number(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Signed(double value) => double.IsInfinity(value)
        ? (value > 0 ? "+inf" : "-inf")
        : (value >= 0 ? "+" : "-") + Number(Math.Abs(value));

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    // One rule with its test, seen as the challenger's lead: positive means better, whatever the metric's direction.
    private sealed class Judged(DecisionRule rule, SequentialTestResult test)
    {
        private readonly int _sign = DecisionMetrics.HigherIsBetter(rule.Metric) ? 1 : -1;

        public DecisionRule Rule => rule;

        public SequentialTestResult Test => test;

        public string Name => DecisionMetrics.NameOf(rule.Metric);

        public bool HasEnough => Math.Min(test.ChampionRecords, test.ChallengerRecords) >= rule.MinimumLabelled;

        public double Lead => _sign * test.Difference;

        public double Lower => _sign > 0 ? test.Lower : -test.Upper;

        public double Upper => _sign > 0 ? test.Upper : -test.Lower;

        public string Figures(string variant, string champion)
        {
            var p = test.PValue < 0.001 ? "< 0.001" : "= " + test.PValue.ToString("G2", CultureInfo.InvariantCulture);
            var direction = _sign > 0 ? $"{variant} - {champion}" : $"{champion} - {variant}, lower is better";
            return $"lead {Signed(Lead)} ({direction}), always-valid {Number(test.Confidence * 100).TrimEnd('0').TrimEnd('.')}% interval "
                + $"[{Signed(Lower)}, {Signed(Upper)}], p {p}, {Count(test.ChallengerRecords)} vs {Count(test.ChampionRecords)} records{(test.Paired ? " (paired)" : string.Empty)}";
        }
    }
}
