using Gangway.Bundles;

namespace Gangway.Stores;

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
    public static ModelVersionRecord FindVersion(IModelStore store, ModelReference reference)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(reference);
        if (store.FindModel(reference.Model) is null)
        {
            throw new GangwayException(ErrorKind.NotFound, $"Model '{reference.Model}' is not registered in store '{store.DisplayUri}'.");
        }

        var version = reference.Version
            ?? store.ResolveAlias(reference.Model, reference.Alias!)
            ?? throw new GangwayException(ErrorKind.NotFound, $"Model '{reference.Model}' has no alias '{reference.Alias}' in store '{store.DisplayUri}'; promote a version to it first.");
        return store.FindVersion(reference.Model, version)
            ?? throw new GangwayException(ErrorKind.NotFound, $"Model '{reference.Model}' has no version {version} in store '{store.DisplayUri}'.");
    }

    /// <summary>
    /// Checks that a run's artifact still has the SHA-256 recorded with the run, as <see cref="Materialize"/> checks a
    /// version's: what <c>gangway models register</c> does before a version may point at the artifact.
    /// </summary>
    /// <exception cref="GangwayException">
    /// The run has no such artifact (<see cref="ErrorKind.NotFound"/>); its content does not match the recorded SHA-256
    /// (<see cref="ErrorKind.CorruptArtifact"/>).
    /// </exception>
    public static void VerifyRunArtifact(IModelStore store, RunRecord run, string artifact)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(artifact);
        var info = run.Artifacts.FirstOrDefault(a => a.Name == artifact);
        var content = info is null ? null : store.ReadArtifact(run.Id, artifact);
        if (info is null || content is null)
        {
            var names = run.Artifacts.Count == 0 ? "none" : string.Join(", ", run.Artifacts.Select(a => a.Name));
            throw new GangwayException(ErrorKind.NotFound, $"Run '{run.Id}' in store '{store.DisplayUri}' has no artifact '{artifact}'; it has: {names}.");
        }

        var actual = Hashing.Sha256(content);
        if (actual != info.Sha256)
        {
            throw new GangwayException(
                ErrorKind.CorruptArtifact,
                $"Run '{run.Id}' in store '{store.DisplayUri}': artifact '{artifact}' does not match the SHA-256 recorded with the run (recorded {info.Sha256}, content {actual}).");
        }
    }

    /// <summary>The local bundle file of a version, written to <paramref name="cacheDirectory"/> when not there yet.</summary>
    /// <exception cref="GangwayException">The stored artifact does not match its registered SHA-256 (<see cref="ErrorKind.CorruptArtifact"/>).</exception>
    public static string Materialize(IModelStore store, ModelVersionRecord version, string? cacheDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(version);
        var directory = cacheDirectory ?? DefaultCacheDirectory;
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{version.Model}-{version.Version}-{version.Sha256}.gwb");
        if (File.Exists(path) && Hashing.Sha256File(path) == version.Sha256)
        {
            return path;
        }

        var content = store.ReadVersionArtifact(version.Model, version.Version);
        if (Hashing.Sha256(content) != version.Sha256)
        {
            throw new GangwayException(ErrorKind.CorruptArtifact, $"Model {version.Reference} in store '{store.DisplayUri}': the stored bundle does not match its registered SHA-256.");
        }

        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, path, overwrite: true);
        return path;
    }
}
