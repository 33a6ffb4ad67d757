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
}
