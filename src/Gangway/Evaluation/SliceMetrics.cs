namespace Gangway.Evaluation;

/// <summary>The metrics of the rows whose slice column has one value.</summary>
/// <param name="Column">The slice column.</param>
/// <param name="Value">The value in its invariant text form, or <see cref="MissingValue"/> for rows where it is missing.</param>
/// <param name="Metrics">The metrics of those rows; <see cref="Metrics.Rows"/> is the group's row count.</param>
/// <param name="Intervals">Their bootstrap confidence intervals, when the evaluation computed them.</param>
public sealed record SliceMetrics(string Column, string Value, Metrics Metrics, MetricIntervals? Intervals = null)
{
    /// <summary>The value under which rows with a missing slice value are grouped: <c>(missing)</c>.</summary>
    public const string MissingValue = "(missing)";
}
