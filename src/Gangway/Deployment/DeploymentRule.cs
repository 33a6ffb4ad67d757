using Gangway.OnlineEvaluation;

namespace Gangway.Deployment;

/// <summary>
/// An online rule of a deployment (<c>promote_when</c> or <c>rollback_when</c>): compare each challenger with the
/// champion on <see cref="Metric"/> over the labelled predictions, and act (or only report) once the difference is beyond
/// <see cref="Margin"/> at <see cref="Confidence"/>. A plain description; the online evaluation decides when it fires.
/// </summary>
public sealed record DeploymentRule
{
    /// <summary>
    /// The metrics a rule can name: <c>accuracy</c>, <c>log_loss</c>, <c>brier</c> (lower is better) and <c>reward</c> (the
    /// mean): those with a value per record, which the always-valid sequential test needs (ROC AUC has none).
    /// </summary>
    public static IReadOnlyList<string> Metrics { get; } = ["accuracy", "log_loss", "brier", "reward"];

    /// <summary>The confidence when the rule gives none: 0.95.</summary>
    public const double DefaultConfidence = 0.95;

    /// <summary>The labelled predictions per variant needed before the rule is judged, when it gives none: 100.</summary>
    public const int DefaultMinimumLabelled = 100;

    /// <summary>One of <see cref="Metrics"/>.</summary>
    public required string Metric { get; init; }

    /// <summary>
    /// How far beyond the champion the challenger must be, in the metric's units (not negative; default 0): better by more
    /// than this to promote, worse by more than this to roll back.
    /// </summary>
    public double Margin { get; init; }

    /// <summary>An absolute value the challenger's metric must also reach (promote) or fall beyond (roll back), or null.</summary>
    public double? Threshold { get; init; }

    /// <summary>The confidence of the decision, strictly between 0 and 1; default <see cref="DefaultConfidence"/>.</summary>
    public double Confidence { get; init; } = DefaultConfidence;

    /// <summary>The labelled predictions each compared variant needs first; default <see cref="DefaultMinimumLabelled"/>.</summary>
    public int MinimumLabelled { get; init; } = DefaultMinimumLabelled;

    /// <summary>Whether a firing rule moves the alias (<see cref="DecisionMode.Auto"/>) or only reports; default report.</summary>
    public DecisionMode Decide { get; init; } = DecisionMode.Report;

    /// <summary>Whether a lower value of <see cref="Metric"/> is better (<c>log_loss</c>, <c>brier</c>).</summary>
    public bool LowerIsBetter => Metric is "log_loss" or "brier";
}
