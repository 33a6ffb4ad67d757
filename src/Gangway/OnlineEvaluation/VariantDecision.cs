namespace Gangway.OnlineEvaluation;

/// <summary>What the online results say about one challenger (or shadow) against the champion.</summary>
/// <param name="Variant">The challenger's variant name.</param>
/// <param name="IsShadow">Whether it is a shadow, compared on the champion's own records (paired).</param>
/// <param name="Outcome">The decision.</param>
/// <param name="Reason">The decision in plain words with the numbers behind it.</param>
/// <param name="Acts">Whether the host should act: the outcome is promote or rollback and the rules say <c>auto</c>.</param>
/// <param name="PromoteTest">The test behind <c>promote_when</c>, <see langword="null"/> without that rule.</param>
/// <param name="RollbackTest">The test behind <c>rollback_when</c>, <see langword="null"/> without that rule.</param>
public sealed record VariantDecision(
    string Variant,
    bool IsShadow,
    DecisionOutcome Outcome,
    string Reason,
    bool Acts,
    SequentialTestResult? PromoteTest,
    SequentialTestResult? RollbackTest);

/// <summary>A decision about a challenger.</summary>
public enum DecisionOutcome
{
    /// <summary><c>collecting</c>: too few labelled records for a rule to fire.</summary>
    Collecting,

    /// <summary><c>keep_running</c>: enough records, but no rule has fired.</summary>
    KeepRunning,

    /// <summary><c>promote</c>: the challenger is better than the champion by the margin, with always-valid confidence.</summary>
    Promote,

    /// <summary><c>rollback</c>: the challenger is worse than the champion by the margin, with always-valid confidence.</summary>
    Rollback,
}
