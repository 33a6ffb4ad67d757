using Gangway.Deployment;

namespace Gangway.Stores;

/// <summary>One stored revision of a model's deployment.</summary>
/// <param name="Model">The deployed model (<see cref="DeploymentSpec.Model"/>).</param>
/// <param name="Revision">1 for the first apply, then one more for each.</param>
/// <param name="AppliedAt">When it was applied.</param>
/// <param name="Actor">Who applied it.</param>
/// <param name="Reason">Why, or null.</param>
/// <param name="Yaml">The deployment as stored: <see cref="DeploymentSpecWriter.ToYaml"/> of <see cref="Spec"/>.</param>
/// <param name="Spec">The deployment.</param>
public sealed record DeploymentRevision(string Model, int Revision, DateTimeOffset AppliedAt, string Actor, string? Reason, string Yaml, DeploymentSpec Spec)
{
    /// <summary>A revision read back from a store: <paramref name="yaml"/> is parsed into <see cref="Spec"/>.</summary>
    /// <exception cref="GangwayException">The stored text is no longer a valid deployment (<see cref="ErrorKind.InvalidConfiguration"/>).</exception>
    public static DeploymentRevision FromStored(string model, int revision, DateTimeOffset appliedAt, string actor, string? reason, string yaml) =>
        new(model, revision, appliedAt, actor, reason, yaml, DeploymentSpecReader.Parse(yaml, $"deployment {model} revision {revision}"));
}
