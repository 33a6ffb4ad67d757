namespace Gangway;

/// <summary>Categories of <see cref="GangwayException"/> that hosts translate into exit codes or HTTP statuses.</summary>
public enum ErrorKind
{
    /// <summary>The input breaks a rule: wrong type, unknown category, unparseable value, empty data.</summary>
    InvalidInput,

    /// <summary>A named thing (column, file, step kind, model) does not exist.</summary>
    NotFound,

    /// <summary>The request conflicts with the current state (e.g. an output that already exists).</summary>
    Conflict,

    /// <summary>A configuration or spec is invalid.</summary>
    InvalidConfiguration,

    /// <summary>A stored artifact is corrupt, truncated or tampered with.</summary>
    CorruptArtifact,

    /// <summary>The input cannot be read at all: empty, cut short, or not in the format it claims (JSON, CSV, UTF-8).</summary>
    Unreadable,

    /// <summary>The input is larger than the configured limit.</summary>
    TooLarge,

    /// <summary>The input is in a format (media type) that is not accepted.</summary>
    UnsupportedFormat,

    /// <summary>Records break the model's data contract, so none of them is scored.</summary>
    ContractViolation,

    /// <summary>The caller did not prove it may make the request (e.g. a missing or wrong key).</summary>
    Unauthorized,

    /// <summary>Something the request needs (the model, a store) is not available now; retrying later may succeed.</summary>
    Unavailable,
}
