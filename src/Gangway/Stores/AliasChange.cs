namespace Gangway.Stores;

/// <summary>One change of an alias.</summary>
/// <param name="Model">The model.</param>
/// <param name="Alias">The alias.</param>
/// <param name="Version">The version the alias points at after the change.</param>
/// <param name="PreviousVersion">The version it pointed at before, or null when it is new.</param>
/// <param name="Kind"><c>set</c> or <c>rollback</c>.</param>
/// <param name="ChangedAt">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Reason">Why, or null.</param>
public sealed record AliasChange(string Model, string Alias, int Version, int? PreviousVersion, string Kind, DateTimeOffset ChangedAt, string Actor, string? Reason)
{
    /// <summary>The <see cref="Kind"/> of a change made by <see cref="IModelRegistry.SetAliasAsync"/>.</summary>
    public const string Set = "set";

    /// <summary>The <see cref="Kind"/> of a change made by <see cref="IModelRegistry.RollbackAliasAsync"/>.</summary>
    public const string Rollback = "rollback";
}
