namespace Gangway.Schema;

/// <summary>What breaking an expectation means.</summary>
public enum Severity
{
    /// <summary>The data is rejected: training fails, a row is not scored, a request gets a 422.</summary>
    Error,

    /// <summary>The data is accepted and the problem is reported.</summary>
    Warning,
}
