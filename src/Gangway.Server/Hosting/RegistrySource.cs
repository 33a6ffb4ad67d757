using System.Text.Json.Serialization;

namespace Gangway.Server.Hosting;

/// <summary>Where a served model came from when it was resolved in the model registry.</summary>
/// <param name="Reference">The reference the service follows, as configured (e.g. <c>titanic@champion</c>).</param>
/// <param name="Version">The registered version it resolved to.</param>
/// <param name="RunId">The run whose artifact that version is.</param>
public sealed record RegistrySource(
    [property: JsonPropertyName("reference")] string Reference,
    [property: JsonPropertyName("version")] int Version,
    string RunId);
