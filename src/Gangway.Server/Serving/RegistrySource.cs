using System.Text.Json.Serialization;

namespace Gangway.Server.Serving;

/// <summary>Where a served model came from when it was resolved in the model registry.</summary>
/// <param name="Reference">The reference the service follows, as configured (e.g. <c>titanic@champion</c>).</param>
/// <param name="Version">The registered version it resolved to.</param>
/// <param name="RunId">The run whose artifact that version is.</param>
/// <param name="Model">The registered model's name (e.g. <c>titanic</c>).</param>
public sealed record RegistrySource(
    [property: JsonPropertyName("reference")] string Reference,
    [property: JsonPropertyName("version")] int Version,
    string RunId,
    [property: JsonPropertyName("model")] string Model)
{
    /// <summary>The registered version as a reference, e.g. <c>titanic:3</c>.</summary>
    [JsonPropertyName("registered")]
    public string Registered { get; } = $"{Model}:{Version}";
}
