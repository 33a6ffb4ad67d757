namespace Gangway.Stores;

/// <summary>Who makes a change to the store and why: what the audit log records with it.</summary>
/// <param name="Actor">Who: a user name, <c>admin-api</c>, ...</param>
/// <param name="Reason">Why, or null.</param>
/// <param name="Notes">More to record in the audit entry's details (e.g. <c>forced</c> and the gate report), or null.</param>
public sealed record Change(string Actor, string? Reason = null, IReadOnlyDictionary<string, string>? Notes = null)
{
    /// <summary>A change by the current OS user (<c>GANGWAY_ACTOR</c> when set).</summary>
    public static Change ByCurrentUser(string? reason = null, IReadOnlyDictionary<string, string>? notes = null) =>
        new(Environment.GetEnvironmentVariable("GANGWAY_ACTOR") is { Length: > 0 } actor ? actor : Environment.UserName, reason, notes);
}
