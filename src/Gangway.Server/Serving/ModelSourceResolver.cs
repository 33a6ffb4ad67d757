using Gangway.Bundles;
using Gangway.Registry;
using Gangway.Server.Hosting;
using Gangway.Stores;

namespace Gangway.Server.Serving;

/// <summary>
/// Turns one variant's model setting (<see cref="ServerOptions.Model"/> for the default variant) into what to load: the bundle file itself, or the registry version a reference
/// names, written to the bundle cache (<see cref="RegistryBundles.DefaultCacheDirectory"/>).
/// </summary>
internal sealed class ModelSourceResolver(string model, ModelStores stores)
{
    /// <summary>The model setting: a bundle path or a registry reference.</summary>
    public string Setting => model;

    /// <summary>The registry reference being served, or null when the setting names a bundle file.</summary>
    public ModelReference? Reference => ModelReference.TryParse(model, out var reference) ? reference : null;

    /// <summary>Whether the service follows an alias (and so should resolve it again from time to time).</summary>
    public bool FollowsAlias => Reference?.Alias is not null;

    /// <summary>What the setting names now. <paramref name="current"/> is what is served: when it is still current, no file is written.</summary>
    /// <exception cref="GangwayException">The store cannot be opened or the reference does not resolve.</exception>
    public async Task<ResolvedModel> ResolveAsync(Served? current, CancellationToken cancellationToken)
    {
        if (Reference is not { } reference)
        {
            var path = model;
            var file = Hashing.Sha256File(path)[..12];
            return new ResolvedModel(IsServed(current, null, file) ? null : path, null, file);
        }

        await using var store = await stores.OpenAsync(cancellationToken);
        var version = await RegistryBundles.FindVersionAsync(store.Registry, reference, cancellationToken);
        var source = new RegistrySource(reference.ToString(), version.Version, version.RunId, reference.Model);
        var digest = version.Sha256[..12];
        return IsServed(current, source, digest)
            ? new ResolvedModel(null, source, digest)
            : new ResolvedModel(await RegistryBundles.MaterializeAsync(store.Registry, version, null, cancellationToken), source, digest);
    }

    private static bool IsServed(Served? current, RegistrySource? source, string version) =>
        current is not null && current.Source == source && current.Version == version;
}

/// <summary>What <see cref="ServerOptions.Model"/> names now.</summary>
/// <param name="Path">The bundle file to load, or null when it is what is served already.</param>
/// <param name="Source">The registry version, or null for a bundle file.</param>
/// <param name="Version">The first 12 hex digits of the bundle's SHA-256.</param>
internal sealed record ResolvedModel(string? Path, RegistrySource? Source, string Version);
