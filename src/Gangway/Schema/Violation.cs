namespace Gangway.Schema;

/// <summary>One broken expectation: which row (or the whole data set), which column, which rule, and the value.</summary>
/// <param name="Row">The zero-based row of the table, or null for a rule on the whole data set.</param>
/// <param name="Column">The column.</param>
/// <param name="Rule">The rule that was broken.</param>
/// <param name="Severity">Whether it rejects the data or is only reported.</param>
/// <param name="Expectation">The rule in words, e.g. <c>must be one of 1, 2, 3</c>.</param>
/// <param name="Value">The offending value as shown to people (hidden for personal data), e.g. <c>'7'</c>.</param>
public sealed record Violation(int? Row, string Column, ValidationRule Rule, Severity Severity, string Expectation, string Value)
{
    /// <summary>The rule's name as written in schema files and reports, e.g. <c>allowed_values</c>.</summary>
    public string RuleName => RuleNames.Of(Rule);

    /// <summary>A sentence naming the column, the rule, the row (in the caller's terms) and the value.</summary>
    /// <param name="rowLabel">How to name the row, e.g. <c>line 17</c> or <c>record 3</c>.</param>
    public string Describe(string? rowLabel = null) => Row is null
        ? $"Column '{Column}' {Expectation}; the data has {Value}."
        : $"Column '{Column}' {Expectation}; {rowLabel ?? $"row {Row}"} has {Value}.";

    /// <summary>The violation as an exception of kind <see cref="ErrorKind.InvalidInput"/>, row-aware when it is about a row.</summary>
    public GangwayException ToException(string? rowLabel = null) => Row is { } row
        ? new GangwayException(ErrorKind.InvalidInput, Describe(rowLabel), row, Column)
        : new GangwayException(ErrorKind.InvalidInput, Describe(rowLabel));
}
