using System.Runtime.CompilerServices;
using Gangway.Deployment;
using Gangway.Stores;

namespace Gangway.OnlineEvaluation;

/// <summary>
/// The online report of a model from a store: its logged predictions since a time that have feedback, scored per
/// variant, the others counted, with the decisions of the rules of the model's current deployment (none without a
/// deployment). The one implementation behind <c>gangway monitor online</c> and the service's <c>GET /monitoring/online</c>.
/// </summary>
public static class OnlineMonitor
{
    /// <summary>
    /// The report for <paramref name="model"/>'s predictions at or after <paramref name="since"/>: the records with
    /// feedback are read, the others only counted (per whole minute, so the counts start at <paramref name="since"/>
    /// rounded down to its minute).
    /// </summary>
    /// <exception cref="GangwayException">A logged label is not one of the positive and negative labels of <paramref name="options"/>, or the deployment's rules are invalid.</exception>
    public static async Task<OnlineReport> ReportAsync(IStore store, string model, DateTimeOffset since, OnlineMetricsOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrEmpty(model);
        var deployment = await store.Deployments.GetAsync(model, cancellationToken).ConfigureAwait(false);
        var rules = RulesOf(deployment?.Spec);
        var counts = await store.PredictionLog.CountAsync(model, since, cancellationToken).ConfigureAwait(false);
        return await OnlineReport.ComputeAsync(
            Observations(store.Feedback.ReadOutcomesWithFeedbackAsync(model, since, cancellationToken), cancellationToken),
            rules,
            options,
            model,
            since,
            [.. counts.Select(count => new VariantCount(count.Variant ?? model, count.IsShadow, count.Count))],
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The decision rules a deployment declares: its champion and its <c>promote_when</c> / <c>rollback_when</c> rules;
    /// null without a deployment. The decisions act (<see cref="DecisionMode.Auto"/>) when either rule says
    /// <c>decide: auto</c>, else they are only reported.
    /// </summary>
    public static DecisionRules? RulesOf(DeploymentSpec? spec)
    {
        if (spec is null)
        {
            return null;
        }

        var auto = spec.PromoteWhen?.Decide == DecisionMode.Auto || spec.RollbackWhen?.Decide == DecisionMode.Auto;
        return new DecisionRules(spec.Champion, RuleOf(spec.PromoteWhen), RuleOf(spec.RollbackWhen), auto ? DecisionMode.Auto : DecisionMode.Report);
    }

    /// <summary>A logged prediction joined with its feedback, as the online metrics read it.</summary>
    public static OnlineObservation ObservationOf(PredictionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new OnlineObservation(
            string.IsNullOrEmpty(outcome.Variant) ? outcome.Model : outcome.Variant,
            outcome.IsShadow,
            outcome.AnswerId,
            outcome.Time,
            outcome.Probability,
            outcome.Prediction,
            outcome.Label,
            outcome.Reward);
    }

    private static DecisionRule? RuleOf(DeploymentRule? rule) => rule is null
        ? null
        : new DecisionRule(DecisionMetrics.Parse(rule.Metric), rule.Margin, rule.Confidence, rule.MinimumLabelled);

    private static async IAsyncEnumerable<OnlineObservation> Observations(
        IAsyncEnumerable<PredictionOutcome> outcomes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var outcome in outcomes.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return ObservationOf(outcome);
        }
    }
}
