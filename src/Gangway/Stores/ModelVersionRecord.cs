namespace Gangway.Stores;

/// <summary>A registered version of a model.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Version">The version number: 1, 2, ... in order of registration, never reused.</param>
/// <param name="RunId">The run whose artifact it is.</param>
/// <param name="Artifact">The run artifact's name (normally <c>model.gwb</c>).</param>
/// <param name="Sha256">The SHA-256 of the artifact, lowercase hex.</param>
/// <param name="CreatedAt">When it was registered.</param>
/// <param name="CreatedBy">Who registered it.</param>
public sealed record ModelVersionRecord(string Model, int Version, string RunId, string Artifact, string Sha256, DateTimeOffset CreatedAt, string CreatedBy)
{
    /// <summary>The reference that names this version, e.g. <c>titanic:3</c>.</summary>
    public string Reference => $"{Model}:{Version}";
}
