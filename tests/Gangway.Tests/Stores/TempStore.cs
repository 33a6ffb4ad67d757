using Gangway.Bundles;
using Gangway.Store.Sqlite;
using Gangway.Stores;
using Gangway.Tests.Bundles;

namespace Gangway.Tests.Stores;

/// <summary>A real SQLite store in a fresh temp folder (with a bundle cache folder beside it), deleted on dispose.</summary>
internal sealed class TempStore : IDisposable
{
    public static readonly DateTimeOffset StartedAt = new(2025, 3, 4, 5, 0, 0, TimeSpan.Zero);

    public TempStore()
    {
        Store = new SqliteStoreProvider().Open("sqlite:" + Folder.File("gangway.db"));
        CacheDirectory = Folder.File("cache");
    }

    public TempDirectory Folder { get; } = new();

    public IModelStore Store { get; }

    public string CacheDirectory { get; }

    /// <summary>Records the training run of <paramref name="bundle"/> and registers its bundle as the next version of <paramref name="model"/>.</summary>
    public ModelVersionRecord Register(string model, ModelBundle bundle, string spec, string data)
    {
        var run = Store.CreateRun(
            TrainingRuns.Training(bundle, BundleWriter.ToBytes(bundle), spec, data, StartedAt, StartedAt.AddSeconds(3)),
            new Change("tests"));
        return Store.RegisterVersion(model, run.Id, RunArtifact.ModelBundle, new Change("tests"));
    }

    public void Dispose()
    {
        Store.Dispose();
        Folder.Dispose();
    }
}
