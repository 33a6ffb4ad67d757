using Gangway.Bundles;
using Gangway.Stores;

namespace Gangway.Registry;

/// <summary>
/// Turns a registry reference into a bundle file that <see cref="BundleReader"/> can read: the version's artifact is
/// written once to a cache folder under a name with its SHA-256, checked against the registered digest, and reused.
/// </summary>
public static class RegistryBundles
{
    /// <summary>The cache folder used when none is given: <c>gangway-bundles</c> in the system's temporary folder.</summary>
    public static string DefaultCacheDirectory => Path.Combine(Path.GetTempPath(), "gangway-bundles");

    /// <summary>The version a reference names.</summary>
    /// <exception cref="GangwayException">The model, alias or version does not exist (<see cref="ErrorKind.NotFound"/>).</exception>
    public static async Task<ModelVersionRecord> FindVersionAsync(IModelRegistry registry, ModelReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(reference);
        if (await registry.FindModelAsync(reference.Model, cancellationToken) is null)
        {
            throw new GangwayException(ErrorKind.NotFound, $"Model '{reference.Model}' is not registered in store '{registry.DisplayUri}'.");
        }

        var version = reference.Version
            ?? await registry.ResolveAliasAsync(reference.Model, reference.Alias!, cancellationToken)
            ?? throw new GangwayException(ErrorKind.NotFound, $"Model '{reference.Model}' has no alias '{reference.Alias}' in store '{registry.DisplayUri}'; promote a version to it first.");
        return await registry.FindVersionAsync(reference.Model, version, cancellationToken)
            ?? throw new GangwayException(ErrorKind.NotFound, $"Model '{reference.Model}' has no version {version} in store '{registry.DisplayUri}'.");
    }

    /// <summary>
    /// Checks that a run's artifact still has the SHA-256 recorded with the run, as <see cref="MaterializeAsync"/> checks a
    /// version's: what <c>gangway models register</c> does before a version may point at the artifact.
    /// </summary>
    /// <exception cref="GangwayException">
    /// The run has no such artifact (<see cref="ErrorKind.NotFound"/>); its content does not match the recorded SHA-256
    /// (<see cref="ErrorKind.CorruptArtifact"/>).
    /// </exception>
    public static async Task VerifyRunArtifactAsync(IRunStore runs, RunRecord run, string artifact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(artifact);
        var info = run.Artifacts.FirstOrDefault(a => a.Name == artifact);
        var content = info is null ? null : await runs.ReadArtifactAsync(run.Id, artifact, cancellationToken);
        if (info is null || content is null)
        {
            var names = run.Artifacts.Count == 0 ? "none" : string.Join(", ", run.Artifacts.Select(a => a.Name));
            throw new GangwayException(ErrorKind.NotFound, $"Run '{run.Id}' in store '{runs.DisplayUri}' has no artifact '{artifact}'; it has: {names}.");
        }

        var actual = Hashing.Sha256(content);
        if (actual != info.Sha256)
        {
            throw new GangwayException(
                ErrorKind.CorruptArtifact,
                $"Run '{run.Id}' in store '{runs.DisplayUri}': artifact '{artifact}' does not match the SHA-256 recorded with the run (recorded {info.Sha256}, content {actual}).");
        }
    }

    /// <summary>The local bundle file of a version, written to <paramref name="cacheDirectory"/> when not there yet.</summary>
    /// <exception cref="GangwayException">The stored artifact does not match its registered SHA-256 (<see cref="ErrorKind.CorruptArtifact"/>).</exception>
    public static async Task<string> MaterializeAsync(IModelRegistry registry, ModelVersionRecord version, string? cacheDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(version);
        var directory = cacheDirectory ?? DefaultCacheDirectory;
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{version.Model}-{version.Version}-{version.Sha256}.gwb");
        if (File.Exists(path) && Hashing.Sha256File(path) == version.Sha256)
        {
            return path;
        }

        var content = await registry.ReadVersionArtifactAsync(version.Model, version.Version, cancellationToken);
        if (Hashing.Sha256(content) != version.Sha256)
        {
            throw new GangwayException(ErrorKind.CorruptArtifact, $"Model {version.Reference} in store '{registry.DisplayUri}': the stored bundle does not match its registered SHA-256.");
        }

        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temporary, content, cancellationToken);
        File.Move(temporary, path, overwrite: true);
        return path;
    }
}
