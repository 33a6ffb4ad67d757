namespace Gangway.Promotion;

/// <summary>The outcome of one promotion check.</summary>
/// <param name="Kind">The kind of gate.</param>
/// <param name="Subject">What was checked, e.g. <c>roc_auc</c>, <c>Sex=female accuracy</c> or <c>Sex true_positive_rate</c>.</param>
/// <param name="Value">
/// The candidate's measured value (for a fairness gate, the gap between groups); null when the metric is undefined on
/// the data (e.g. ROC AUC of a group with one class), which fails the check.
/// </param>
/// <param name="Threshold">The bound the value is held to (for no_regression, the current value less the tolerance); null when the check was skipped.</param>
/// <param name="Passed">Whether the check passed (a skipped check passes).</param>
public sealed record GateResult(GateKind Kind, string Subject, double? Value, double? Threshold, bool Passed)
{
    /// <summary>The kind as the spec's <c>promotion:</c> section names it: <c>minimum</c>, <c>no_regression</c>, <c>slice</c> or <c>fairness</c>.</summary>
    public string KindName => Kind switch
    {
        GateKind.Minimum => "minimum",
        GateKind.NoRegression => "no_regression",
        GateKind.Slice => "slice",
        GateKind.Upsell => "upsell",
        _ => "fairness",
    };

    /// <summary>True when the value must be at most the threshold (log_loss, brier, fairness gaps); otherwise at least.</summary>
    public bool AtMost { get; init; }

    /// <summary>For no_regression: the current version's value on the same data; otherwise null.</summary>
    public double? CurrentValue { get; init; }

    /// <summary>For fairness: each group's value of the metric (null when undefined for the group); otherwise empty.</summary>
    public IReadOnlyList<GroupValue> Groups { get; init; } = [];

    /// <summary>A short explanation when the check was skipped or some groups were not compared; otherwise null.</summary>
    public string? Note { get; init; }
}

/// <summary>The value of a group metric for one group of a column.</summary>
/// <param name="Group">The column's value in its invariant text form (<c>(missing)</c> for missing values).</param>
/// <param name="Value">The metric for the group's rows, or null when undefined (e.g. a true positive rate without positives).</param>
/// <param name="Rows">The number of rows in the group.</param>
public sealed record GroupValue(string Group, double? Value, int Rows);
