namespace Gangway.Data;

/// <summary>A CSV row that broke a rule: where it is, what is wrong, and the raw record for a rejects file.</summary>
/// <param name="Line">The 1-based physical line where the record starts (the header is line 1).</param>
/// <param name="Column">The column the problem is in, or <see langword="null"/> when it is about the whole record.</param>
/// <param name="Problem">The rule and the value, e.g. <c>expected a number, found 'abc'</c>.</param>
/// <param name="RecordText">The record as it appeared in the file, without its line ending, when known.</param>
public sealed record RowError(long Line, string? Column, string Problem, string? RecordText = null)
{
    /// <summary>
    /// The contract column that <see cref="Column"/> (a source column) becomes when a parser renames it, or
    /// <see langword="null"/>; shown in the message as <c>column 'Alter' (Age)</c>.
    /// </summary>
    public string? ContractColumn { get; init; }

    /// <summary>The full message, e.g. <c>Line 17, column 'Age': expected a number, found 'abc'.</c></summary>
    public string Message => Column is null
        ? $"Line {Line}: {Problem}."
        : ContractColumn is null || ContractColumn == Column
            ? $"Line {Line}, column '{Column}': {Problem}."
            : $"Line {Line}, column '{Column}' ({ContractColumn}): {Problem}.";

    /// <summary>The exception <see cref="InvalidRowPolicy.Fail"/> throws for this row (kind <see cref="ErrorKind.InvalidInput"/>).</summary>
    public GangwayException ToException() => new(ErrorKind.InvalidInput, Message);

    /// <inheritdoc />
    public override string ToString() => Message;
}
