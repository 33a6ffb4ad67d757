using Gangway.Evaluation;

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
    /// <summary>The kind as the spec's <c>promotion:</c> section names it: <c>minimum</c>, <c>no_regression</c>, <c>slice</c>, <c>fairness</c> or <c>beats</c>.</summary>
    public string KindName => Kind switch
    {
        GateKind.Minimum => "minimum",
        GateKind.NoRegression => "no_regression",
        GateKind.Slice => "slice",
        GateKind.Upsell => "upsell",
        GateKind.Beats => "beats",
        _ => "fairness",
    };

    /// <summary>True when the value must be at most the threshold (log_loss, brier, fairness gaps); otherwise at least.</summary>
    public bool AtMost { get; init; }

    /// <summary>For no_regression: the current version's value on the same data; for beats: the value of the model beaten (<see cref="Reference"/>); otherwise null.</summary>
    public double? CurrentValue { get; init; }

    /// <summary>For beats: the baseline name, or <c>champion</c> for the current version; otherwise null.</summary>
    public string? Reference { get; init; }

    /// <summary>The confidence level the check was judged at, or null when it was judged on the point estimate (no interval).</summary>
    public double? Confidence { get; init; }

    /// <summary>
    /// The interval the check was judged on, at <see cref="Confidence"/>: for minimum and slice, of the candidate's value
    /// (stratified bootstrap); for no_regression and beats, of <see cref="Difference"/> (the paired test's, or the paired
    /// bootstrap's). Null when judged on the point estimate, or when there was none (too few rows; then the note says so).
    /// </summary>
    public ConfidenceInterval? Interval { get; init; }

    /// <summary>For no_regression and beats: the candidate's value minus the other model's on the same rows; otherwise null.</summary>
    public double? Difference { get; init; }

    /// <summary>How the interval was computed: <c>bootstrap</c>, <c>paired bootstrap</c>, <c>delong</c> or <c>mcnemar</c>; null without one.</summary>
    public string? Test { get; init; }

    /// <summary>The two-sided p-value of "no difference" for a beats check judged by DeLong's or McNemar's test; otherwise null.</summary>
    public double? PValue { get; init; }

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
