using Gangway.Registry;
using Gangway.Stores;

namespace Gangway.Deployment;

/// <summary>
/// Applies a deployment: checks that every variant's and shadow's model reference resolves in the registry now, then
/// stores the deployment as the model's next revision unless it equals the current one. Used by
/// <c>gangway deploy apply</c> and, later, the service's admin endpoint alike.
/// </summary>
public static class DeploymentApplier
{
    /// <summary>Checks and stores <paramref name="spec"/>; says what changed against the current revision.</summary>
    /// <exception cref="GangwayException">
    /// A variant's or shadow's reference does not resolve (<see cref="ErrorKind.NotFound"/>, naming each one that does not and why).
    /// </exception>
    public static async Task<DeploymentApplied> ApplyAsync(IStore store, DeploymentSpec spec, Change change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(change);
        var resolved = await ResolveAsync(store.Registry, spec, cancellationToken);
        var current = await store.Deployments.GetAsync(spec.Model, cancellationToken);
        if (current is not null && current.Spec == spec)
        {
            return new DeploymentApplied(current, current, [], resolved);
        }

        var applied = await store.Deployments.ApplyAsync(spec, change, cancellationToken);
        return new DeploymentApplied(current, applied, DeploymentChanges.Between(current?.Spec, spec), resolved);
    }

    /// <summary>The registered version each variant and shadow serves now, variants first, in the file's order.</summary>
    /// <exception cref="GangwayException">Some reference does not resolve (<see cref="ErrorKind.NotFound"/>, naming each).</exception>
    public static async Task<IReadOnlyList<ResolvedVariant>> ResolveAsync(IModelRegistry registry, DeploymentSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(spec);
        var wanted = spec.Variants.Select(v => (v.Name, v.Model, Weight: (double?)v.Weight))
            .Concat(spec.Shadows.Select(s => (s.Name, s.Model, Weight: (double?)null)));
        var resolved = new List<ResolvedVariant>();
        var failures = new List<string>();
        foreach (var (name, reference, weight) in wanted)
        {
            try
            {
                var version = await RegistryBundles.FindVersionAsync(registry, reference, cancellationToken);
                resolved.Add(new ResolvedVariant(name, reference, version, weight));
            }
            catch (GangwayException e) when (e.Kind == ErrorKind.NotFound)
            {
                failures.Add($"{(weight is null ? "shadow" : "variant")} '{name}' ({reference}): {e.Message.TrimEnd('.')}");
            }
        }

        return failures.Count == 0
            ? resolved
            : throw new GangwayException(
                ErrorKind.NotFound,
                $"Deployment of '{spec.Model}' names {(failures.Count == 1 ? "a model that does not" : "models that do not")} resolve in store '{registry.DisplayUri}': {string.Join("; ", failures)}.");
    }
}

/// <summary>What <see cref="DeploymentApplier.ApplyAsync"/> did.</summary>
/// <param name="Previous">The revision that was current before, or null when the model had no deployment.</param>
/// <param name="Current">The revision that is current now: a new one, or <paramref name="Previous"/> when nothing changed.</param>
/// <param name="Changes">What changed against <paramref name="Previous"/>; empty when nothing did (no revision was added).</param>
/// <param name="Resolved">The version each variant and shadow serves now.</param>
public sealed record DeploymentApplied(DeploymentRevision? Previous, DeploymentRevision Current, IReadOnlyList<DeploymentChange> Changes, IReadOnlyList<ResolvedVariant> Resolved)
{
    /// <summary>Whether the deployment equalled the current revision, so none was added.</summary>
    public bool Unchanged => ReferenceEquals(Previous, Current);
}

/// <summary>A variant or shadow with the registered version its reference names now.</summary>
/// <param name="Name">The variant's or shadow's name.</param>
/// <param name="Reference">The reference in the deployment.</param>
/// <param name="Version">The version it resolves to.</param>
/// <param name="Weight">The variant's weight, or null for a shadow.</param>
public sealed record ResolvedVariant(string Name, ModelReference Reference, ModelVersionRecord Version, double? Weight)
{
    /// <summary>Whether this is a shadow (it scores, never answers).</summary>
    public bool IsShadow => Weight is null;
}
