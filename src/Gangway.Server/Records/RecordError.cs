namespace Gangway.Server.Records;

/// <summary>One problem with one record of a request, as listed in a 422 problem's <c>errors</c>.</summary>
/// <param name="Record">The zero-based index of the record in the request, or null when the problem concerns every record (a misspelt column name in a column-oriented body).</param>
/// <param name="Field">The field (column) the problem is in.</param>
/// <param name="Rule">The rule that was broken: a contract rule (<c>required</c>, <c>values</c>, <c>min</c>, ...), <c>type</c>, <c>name</c> or <c>model</c>.</param>
/// <param name="Value">The offending value as shown to people (hidden for personal data), or null.</param>
/// <param name="Message">A sentence naming the record, the field, the rule and the value.</param>
public sealed record RecordError(int? Record, string Field, string Rule, string? Value, string Message);
