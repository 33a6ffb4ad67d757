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
}
