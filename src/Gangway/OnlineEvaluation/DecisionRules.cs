namespace Gangway.OnlineEvaluation;

/// <summary>How a deployment turns online results into decisions: the champion, the two rules and whether Gangway acts.</summary>
/// <param name="Champion">The name of the variant every other one is compared to.</param>
/// <param name="PromoteWhen">When a challenger is promoted; <see langword="null"/> never promotes.</param>
/// <param name="RollbackWhen">When a challenger is rolled back; <see langword="null"/> never rolls back.</param>
/// <param name="Decide">Whether a fired rule is acted on (<c>auto</c>) or only reported (<c>report</c>). Default report.</param>
public sealed record DecisionRules(string Champion, DecisionRule? PromoteWhen = null, DecisionRule? RollbackWhen = null, DecisionMode Decide = DecisionMode.Report)
{
    /// <summary>Checks the rules.</summary>
    /// <exception cref="GangwayException">The champion is not named or a rule is invalid.</exception>
    public DecisionRules Validated()
    {
        if (string.IsNullOrWhiteSpace(Champion))
        {
            throw new GangwayException(ErrorKind.InvalidConfiguration, "Decision rules must name the champion variant; none is given.");
        }

        PromoteWhen?.Validated("promote_when");
        RollbackWhen?.Validated("rollback_when");
        return this;
    }
}

/// <summary>Whether a fired rule is acted on.</summary>
public enum DecisionMode
{
    /// <summary><c>report</c>: decisions are reported, nothing moves.</summary>
    Report,

    /// <summary><c>auto</c>: a promotion moves the alias through the promotion gates (actor <c>deployment</c>).</summary>
    Auto,
}
