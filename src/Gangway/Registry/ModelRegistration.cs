using Gangway.Stores;

namespace Gangway.Registry;

/// <summary>
/// Registers a run's bundle as the next version of a model, after checking that the artifact still has the SHA-256
/// recorded with the run (as a promotion checks a version's bytes before evaluating them): a damaged artifact never
/// becomes a version. Used by <c>gangway models register</c>; a pipeline step or an endpoint calls the same.
/// </summary>
public static class ModelRegistration
{
    /// <summary>Verifies <paramref name="run"/>'s <see cref="RunArtifact.ModelBundle"/> and registers it as the next version of <paramref name="model"/>.</summary>
    /// <exception cref="GangwayException">
    /// The run has no bundle (<see cref="ErrorKind.NotFound"/>); it does not match its recorded SHA-256
    /// (<see cref="ErrorKind.CorruptArtifact"/>); the model name is not valid (<see cref="ErrorKind.InvalidInput"/>).
    /// </exception>
    public static async Task<ModelVersionRecord> RegisterAsync(IStore store, RunRecord run, string model, Change change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(run);
        await RegistryBundles.VerifyRunArtifactAsync(store.Runs, run, RunArtifact.ModelBundle, cancellationToken);
        return await store.Registry.RegisterVersionAsync(model, run.Id, RunArtifact.ModelBundle, change, cancellationToken);
    }
}
