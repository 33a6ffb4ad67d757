using System.Globalization;
using Gangway.Deployment;
using Gangway.Promotion;
using Gangway.Stores;

namespace Gangway.OnlineEvaluation;

/// <summary>
/// Acts on a deployment's online decisions when its rules say <c>decide: auto</c>: a challenger (or shadow) found better
/// than the champion is promoted to the champion's alias, a challenger found worse has its own alias pointed back at the
/// champion's version. Every move goes through <see cref="Promoter"/>, the same gates and audit log as a person's
/// <c>gangway models promote</c>, with the actor <see cref="Actor"/> and the decision's numbers as the reason. The one
/// use case behind the service's background loop and <c>gangway monitor online --act</c>.
/// </summary>
/// <remarks>
/// Idempotent and safe for replicas: a decision is judged only on predictions made since the last change of any alias
/// the deployment follows (so after a move, the old evidence no longer fires), and a move whose alias already points at
/// the version is a no-op (<see cref="AutopilotEffect.AlreadyDone"/>), so a second replica acting on the same decision
/// changes nothing.
/// </remarks>
public static class DeploymentAutopilot
{
    /// <summary>The actor the audit log records for moves made by the autopilot.</summary>
    public const string Actor = "deployment";

    /// <summary>
    /// Judges <paramref name="model"/>'s stored deployment on its predictions since <paramref name="since"/> (or since
    /// the last alias change, whichever is later) and moves aliases for each decision that acts under a rule saying
    /// <c>decide: auto</c>. Returns one entry per such decision; empty without a deployment or without auto rules.
    /// </summary>
    /// <exception cref="GangwayException">The store fails, or a variant's reference no longer resolves.</exception>
    public static async Task<IReadOnlyList<AutopilotMove>> ActAsync(IStore store, string model, DateTimeOffset since, AutopilotOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        var revision = await store.Deployments.GetAsync(model, cancellationToken).ConfigureAwait(false);
        if (revision?.Spec is not { } spec || !(IsAuto(spec.PromoteWhen) || IsAuto(spec.RollbackWhen)))
        {
            return [];
        }

        var resolved = (await DeploymentApplier.ResolveAsync(store.Registry, spec, cancellationToken).ConfigureAwait(false)).ToDictionary(v => v.Name, StringComparer.Ordinal);
        var evidenceSince = await LastAliasChangeAsync(store.Registry, resolved.Values, cancellationToken).ConfigureAwait(false) is { } changed && changed > since ? changed : since;
        var report = await OnlineMonitor.ReportAsync(store, model, evidenceSince, options.Metrics, cancellationToken).ConfigureAwait(false);
        var moves = new List<AutopilotMove>();
        foreach (var decision in report.Decisions)
        {
            var rule = decision.Outcome switch
            {
                DecisionOutcome.Promote => spec.PromoteWhen,
                DecisionOutcome.Rollback => spec.RollbackWhen,
                _ => null,
            };
            if (IsAuto(rule))
            {
                moves.Add(await MoveAsync(store, resolved[spec.Champion], resolved[decision.Variant], decision, revision.Revision, options, cancellationToken).ConfigureAwait(false));
            }
        }

        return moves;
    }

    private static bool IsAuto(DeploymentRule? rule) => rule?.Decide == DecisionMode.Auto;

    // Promote: the champion's alias takes the challenger's version. Rollback: the challenger's alias takes the champion's.
    private static async Task<AutopilotMove> MoveAsync(
        IStore store, ResolvedVariant champion, ResolvedVariant challenger, VariantDecision decision, int revision, AutopilotOptions options, CancellationToken cancellationToken)
    {
        var promote = decision.Outcome == DecisionOutcome.Promote;
        var (moved, target) = promote ? (champion, challenger.Version.Version) : (challenger, champion.Version.Version);
        AutopilotMove Move(AutopilotEffect result, string message, AliasChange? change = null) => new(decision.Variant, decision.Outcome, result, message, change);

        var why = promote ? "promote" : "rollback";
        if (!promote && challenger.IsShadow)
        {
            return Move(AutopilotEffect.NotMovable, $"Decision {why} for shadow '{challenger.Name}': a shadow answers nothing, so there is no alias to move back.");
        }

        if (moved.Reference.Alias is not { } alias || (!promote && champion.Reference.Alias == alias && champion.Reference.Model == moved.Reference.Model))
        {
            return Move(AutopilotEffect.NotMovable, $"Decision {why} for '{decision.Variant}': variant '{moved.Name}' serves {moved.Reference}, not an alias of its own, so there is nothing to move; change the deployment instead.");
        }

        var name = moved.Reference.Model;
        if (await store.Registry.ResolveAliasAsync(name, alias, cancellationToken).ConfigureAwait(false) == target)
        {
            return Move(AutopilotEffect.AlreadyDone, $"{name}@{alias} already points at version {Number(target)}: nothing to move for the {why} of '{decision.Variant}'.");
        }

        var reason = $"Online decision ({why}) of deployment revision {Number(revision)}: {decision.Reason}";
        var promotion = new PromotionOptions(Actor, reason, DataPath: options.PromotionData, CacheDirectory: options.CacheDirectory, Catalog: options.Catalog);
        PromotionOutcome outcome;
        try
        {
            outcome = await Promoter.PromoteAsync(store, name, target, alias, promotion, cancellationToken).ConfigureAwait(false);
        }
        catch (GangwayException ex) when (ex.Kind == ErrorKind.Conflict)
        {
            // Another replica moved it between our look and our move.
            return Move(AutopilotEffect.AlreadyDone, $"{ex.Message} Nothing to move for the {why} of '{decision.Variant}'.");
        }

        return outcome.Promoted
            ? Move(AutopilotEffect.Moved, $"{outcome.Summary(name, alias, target)} {reason}", outcome.Change)
            : Move(AutopilotEffect.Refused, $"{outcome.Summary(name, alias, target)} (decision {why} of '{decision.Variant}')");
    }

    // The evidence for a decision starts when the versions compared last changed: after a move the old records no longer count.
    private static async Task<DateTimeOffset?> LastAliasChangeAsync(IModelRegistry registry, IEnumerable<ResolvedVariant> variants, CancellationToken cancellationToken)
    {
        DateTimeOffset? last = null;
        foreach (var (model, alias) in variants.Where(v => v.Reference.Alias is not null).Select(v => (v.Reference.Model, v.Reference.Alias!)).Distinct())
        {
            var history = await registry.AliasHistoryAsync(model, alias, cancellationToken).ConfigureAwait(false);
            if (history.Count > 0 && (last is null || history[^1].ChangedAt > last))
            {
                last = history[^1].ChangedAt;
            }
        }

        return last;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
