namespace Gangway.Stores;

/// <summary>One change to the store: who did what to which thing, when and why.</summary>
/// <param name="Id">Increasing with time.</param>
/// <param name="At">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Action">What: see <see cref="AuditActions"/>.</param>
/// <param name="Subject">Which thing: a run id, <c>model:version</c> or <c>model@alias</c>.</param>
/// <param name="Details">What exactly, as JSON (e.g. <c>{"from":2,"to":3}</c>).</param>
/// <param name="Reason">Why, or null.</param>
public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Action, string Subject, string Details, string? Reason);

/// <summary>The <see cref="AuditEntry.Action"/> names.</summary>
public static class AuditActions
{
    /// <summary>A run was recorded.</summary>
    public const string RunCreated = "run.created";

    /// <summary>A run was updated (finished, metrics or tags added).</summary>
    public const string RunUpdated = "run.updated";

    /// <summary>An evaluation's held-out metrics were recorded against a run (and a version).</summary>
    public const string EvaluationRecorded = "evaluation.recorded";

    /// <summary>A model version was registered.</summary>
    public const string VersionRegistered = "version.registered";

    /// <summary>An alias was set.</summary>
    public const string AliasSet = "alias.set";

    /// <summary>An alias was rolled back.</summary>
    public const string AliasRolledBack = "alias.rolled_back";

    /// <summary>A deployment revision was applied.</summary>
    public const string DeploymentApplied = "deployment.applied";
}

/// <summary>Which audit entries to list.</summary>
/// <param name="Model">Only entries about this model (its versions and aliases), or all.</param>
/// <param name="Limit">At most this many (newest first).</param>
public sealed record AuditQuery(string? Model = null, int Limit = 100);
