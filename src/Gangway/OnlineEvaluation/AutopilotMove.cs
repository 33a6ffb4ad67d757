using Gangway.Stores;

namespace Gangway.OnlineEvaluation;

/// <summary>What <see cref="DeploymentAutopilot"/> did about one decision that acts.</summary>
/// <param name="Variant">The challenger (or shadow) the decision is about.</param>
/// <param name="Outcome">The decision: <see cref="DecisionOutcome.Promote"/> or <see cref="DecisionOutcome.Rollback"/>.</param>
/// <param name="Effect">What happened to the alias.</param>
/// <param name="Message">What happened in plain words, naming the alias, the versions and the decision's numbers.</param>
/// <param name="Change">The alias change when <see cref="AutopilotEffect.Moved"/>, else null.</param>
public sealed record AutopilotMove(string Variant, DecisionOutcome Outcome, AutopilotEffect Effect, string Message, AliasChange? Change);

/// <summary>What happened to the alias a decision would move.</summary>
public enum AutopilotEffect
{
    /// <summary>The alias moved through the promotion gates, audited with the actor <see cref="DeploymentAutopilot.Actor"/>.</summary>
    Moved,

    /// <summary>The alias already pointed at the version (an earlier loop, or another replica, moved it): nothing changed.</summary>
    AlreadyDone,

    /// <summary>The promotion gates refused the version: nothing changed.</summary>
    Refused,

    /// <summary>The deployment gives nothing to move (a fixed version, a shadow rolled back, one alias for both): nothing changed.</summary>
    NotMovable,
}
