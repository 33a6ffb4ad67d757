using Gangway.Bundles;
using Gangway.Store.Sqlite;
using Gangway.Stores;
using Gangway.Tests.Bundles;
using Gangway.Tracking;

namespace Gangway.Tests.Stores;

/// <summary>A real SQLite store in a fresh temp folder (with a bundle cache folder beside it), deleted on dispose.</summary>
internal sealed class TempStore : IDisposable
{
    public static readonly DateTimeOffset StartedAt = new(2025, 3, 4, 5, 0, 0, TimeSpan.Zero);

    public TempStore()
    {
        // A SQLite store opens synchronously (its driver has no asynchronous I/O), so a constructor may wait for it.
        Store = new SqliteStoreProvider().OpenAsync("sqlite:" + Folder.File("gangway.db"), CancellationToken.None).GetAwaiter().GetResult();
        CacheDirectory = Folder.File("cache");
    }

    public TempDirectory Folder { get; } = new();

    public IStore Store { get; }

    public string CacheDirectory { get; }

    /// <summary>Records the training run of <paramref name="bundle"/> and registers its bundle as the next version of <paramref name="model"/>.</summary>
    public async Task<ModelVersionRecord> RegisterAsync(string model, ModelBundle bundle, string spec, string data)
    {
        var run = await Store.Runs.CreateRunAsync(
            TrainingRuns.Training(bundle, BundleWriter.ToBytes(bundle), spec, data, StartedAt, StartedAt.AddSeconds(3)),
            new Change("tests"),
            CancellationToken.None);
        return await Store.Registry.RegisterVersionAsync(model, run.Id, RunArtifact.ModelBundle, new Change("tests"), CancellationToken.None);
    }

    public void Dispose()
    {
        Store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Folder.Dispose();
    }
}
