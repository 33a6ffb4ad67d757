using System.Globalization;

namespace Gangway.Schema;

/// <summary>One rule of one column in a <see cref="ValidationReport"/>: how often it failed and a few examples.</summary>
/// <param name="Column">The column.</param>
/// <param name="Rule">The rule's name, e.g. <c>values</c>.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Failures">How many rows failed it (1 for a data-set rule).</param>
/// <param name="Examples">Up to <see cref="ValidationReport.ExamplesPerRule"/> full descriptions.</param>
public sealed record RuleFailures(string Column, string Rule, Severity Severity, int Failures, IReadOnlyList<string> Examples);

/// <summary>
/// Violations grouped per column and rule, with counts and a few examples: what <c>gangway validate</c> prints and
/// what a failed training run summarises.
/// </summary>
public sealed class ValidationReport
{
    /// <summary>How many examples each rule keeps.</summary>
    public const int ExamplesPerRule = 3;

    /// <summary>Groups <paramref name="result"/>'s violations; <paramref name="rowLabel"/> names rows (e.g. as CSV lines).</summary>
    /// <param name="result">What the validator found.</param>
    /// <param name="rowLabel">Names a row of the validated table for people.</param>
    /// <param name="unreadable">Rows that could not even be read into the contract's types (reported as <c>type</c> errors).</param>
    public ValidationReport(ValidationResult result, Func<int, string> rowLabel, IReadOnlyList<Data.RowError>? unreadable = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(rowLabel);
        unreadable ??= [];
        RowCount = result.RowCount + unreadable.Count;
        RejectedRows = result.RejectedRows.Count + unreadable.Count;
        HasErrors = result.HasErrors || unreadable.Count > 0;
        var unreadableRules = unreadable
            .GroupBy(e => e.Column ?? "(row)")
            .Select(g => new RuleFailures(g.Key, RuleNames.Of(ValidationRule.Type), Severity.Error, g.Count(), [.. g.Take(ExamplesPerRule).Select(e => e.Message)]));
        Rules = [.. unreadableRules.Concat(result.Violations
            .GroupBy(v => (v.Column, v.Rule, v.Severity))
            .Select(g => new RuleFailures(
                g.Key.Column,
                RuleNames.Of(g.Key.Rule),
                g.Key.Severity,
                g.Count(),
                [.. g.Take(ExamplesPerRule).Select(v => v.Describe(v.Row is { } row ? rowLabel(row) : null))])))
            .OrderBy(r => r.Severity)
            .ThenByDescending(r => r.Failures)];
    }

    /// <summary>Rows checked.</summary>
    public int RowCount { get; }

    /// <summary>Rows with at least one error.</summary>
    public int RejectedRows { get; }

    /// <summary>Whether any error was found.</summary>
    public bool HasErrors { get; }

    /// <summary>The failing rules, errors first, most frequent first.</summary>
    public IReadOnlyList<RuleFailures> Rules { get; }

    /// <summary>One line for an error message: the first error, and how much more there is.</summary>
    /// <param name="what">What was checked, e.g. <c>The training data</c>.</param>
    /// <param name="pointToValidate">Whether to suggest <c>gangway validate</c> for the full report.</param>
    public string Summary(string what, bool pointToValidate = true)
    {
        var errors = Rules.Where(r => r.Severity == Severity.Error).ToList();
        if (errors.Count == 0)
        {
            return $"{what} meets the contract.";
        }

        var total = errors.Sum(r => r.Failures);
        var hint = pointToValidate ? "; run 'gangway validate' for the full report" : "";
        var more = total > 1 ? string.Create(CultureInfo.InvariantCulture, $" ({total - 1} more problem(s) in {RejectedRows} row(s){hint})") : "";
        return $"{what} breaks the contract: {errors[0].Examples[0]}{more}";
    }
}
