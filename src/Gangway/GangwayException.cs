namespace Gangway;

/// <summary>
/// The one exception type Gangway throws for problems a user can fix: bad input, missing things, conflicts.
/// Hosts translate <see cref="Kind"/> into exit codes or HTTP statuses; the message is written for people.
/// </summary>
public sealed class GangwayException : Exception
{
    /// <summary>Creates an exception of the given kind with a message that names the thing, the rule and the value.</summary>
    public GangwayException(ErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    /// <summary>Creates an exception of the given kind that wraps the low-level cause.</summary>
    public GangwayException(ErrorKind kind, string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = kind;
    }

    /// <summary>Creates an exception about one row of a table; <see cref="Row"/> lets callers map it to a line or record.</summary>
    public GangwayException(ErrorKind kind, string message, int row, string? column)
        : base(message)
    {
        Kind = kind;
        Row = row;
        Column = column;
    }

    /// <summary>What went wrong, in categories hosts can translate.</summary>
    public ErrorKind Kind { get; }

    /// <summary>The zero-based row of the table the error is about, when it is about one row.</summary>
    public int? Row { get; }

    /// <summary>The column the error is about, when known.</summary>
    public string? Column { get; }

    /// <summary>
    /// The same error with its row described in the caller's terms, e.g. <c>line 17</c> of a CSV file or <c>record 3</c>
    /// of a request. Row-aware messages write their row as <c>row N</c>; that phrase is replaced, everything else is kept.
    /// </summary>
    /// <param name="label">How to name the row, e.g. <c>line 17</c>.</param>
    public GangwayException WithRowLabel(string label)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        if (Row is not { } row)
        {
            return this;
        }

        var phrase = $"row {row.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        var at = Message.IndexOf(phrase, StringComparison.Ordinal);
        // Only the whole phrase counts: not "row 1" inside "row 12", nor inside a quoted value such as 'Barrow 1'.
        while (at >= 0 && !IsWholePhrase(Message, at, phrase.Length))
        {
            at = Message.IndexOf(phrase, at + 1, StringComparison.Ordinal);
        }

        var message = at < 0 ? $"{label}: {Message}" : string.Concat(Message.AsSpan(0, at), label, Message.AsSpan(at + phrase.Length));
        return new GangwayException(Kind, message, row, Column);
    }

    /// <summary>
    /// The same error about row <paramref name="row"/> of a larger table (a chunk's row moved by the chunk's start): its
    /// <see cref="Row"/> and the <c>row N</c> phrase of its message both become the new row.
    /// </summary>
    internal GangwayException AtRow(int row)
    {
        var moved = WithRowLabel($"row {row.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        return new GangwayException(Kind, moved.Message, row, Column);
    }

    private static bool IsWholePhrase(string text, int at, int length) =>
        (at == 0 || !char.IsLetterOrDigit(text[at - 1])) &&
        (at + length == text.Length || !char.IsAsciiDigit(text[at + length]));
}
