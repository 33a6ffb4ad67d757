using System.Text.Json.Serialization;
using Gangway.Server.Serving;
using Gangway.Stores;

namespace Gangway.Server.Admin;

/// <summary>The body of <c>POST /admin/promote</c>.</summary>
/// <param name="Model">The registered model.</param>
/// <param name="Version">The version to point the alias at.</param>
/// <param name="Alias">The alias, e.g. <c>champion</c>.</param>
/// <param name="Reason">Why, for the audit log; optional.</param>
/// <param name="Force">Promote even when the promotion check refuses; recorded in the audit log.</param>
public sealed record PromoteRequest(string? Model, int? Version, string? Alias, string? Reason, bool Force = false);

/// <summary>The body of <c>POST /admin/rollback</c>.</summary>
/// <param name="Model">The registered model.</param>
/// <param name="Alias">The alias to point back at its previous version.</param>
/// <param name="Reason">Why, for the audit log; optional.</param>
public sealed record RollbackRequest(string? Model, string? Alias, string? Reason);

/// <summary>The answer of the admin endpoints: what is served after the call.</summary>
/// <param name="Served">The model served now.</param>
/// <param name="Changed">Whether the call swapped in another model.</param>
/// <param name="Error">Why the model setting could not be reloaded (the previous model still serves), or null.</param>
/// <param name="AliasChange">The alias change made in the store (promote, rollback), or null.</param>
public sealed record AdminAnswer(
    [property: JsonPropertyName("served")] ServedModel Served,
    [property: JsonPropertyName("changed")] bool Changed,
    [property: JsonPropertyName("error")] string? Error,
    AliasChange? AliasChange);

/// <summary>The model being served.</summary>
/// <param name="Name">The model's name from its spec.</param>
/// <param name="Version">The first 12 hex digits of the bundle's SHA-256.</param>
/// <param name="Registered">The registered version (e.g. <c>titanic:3</c>), or null for a bundle file served directly.</param>
/// <param name="Source">The registry version it was resolved to, or null for a bundle file.</param>
public sealed record ServedModel(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("registered")] string? Registered,
    [property: JsonPropertyName("source")] RegistrySource? Source)
{
    internal static ServedModel Of(Served served) => new(served.Bundle.Name, served.Version, served.Registered, served.Source);
}
