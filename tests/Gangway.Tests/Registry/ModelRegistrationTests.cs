using Gangway.Bundles;
using Gangway.Registry;
using Gangway.Stores;
using Gangway.Tests.Stores;
using Gangway.Tests.Training;
using Gangway.Tracking;
using Microsoft.Data.Sqlite;

namespace Gangway.Tests.Registry;

/// <summary>Registering a run's bundle as a version, in a real SQLite store.</summary>
public sealed class ModelRegistrationTests(TrainedTitanic trained) : IClassFixture<TrainedTitanic>, IDisposable
{
    private readonly TempStore _temp = new();

    private IStore Store => _temp.Store;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task RegisterAsync_IntactRun_RegistersTheNextVersionOfTheRunsBundle()
    {
        var run = await CreateRunAsync();
        await ModelRegistration.RegisterAsync(Store, run, "titanic", new Change("tests"), CancellationToken.None);

        var version = await ModelRegistration.RegisterAsync(Store, run, "titanic", new Change("tests"), CancellationToken.None);

        Assert.Equal((2, run.Id, RunArtifact.ModelBundle), (version.Version, version.RunId, version.Artifact));
        Assert.Equal(Assert.Single(run.Artifacts).Sha256, version.Sha256);
    }

    [Fact]
    public async Task RegisterAsync_ArtifactChangedInTheStore_IsCorruptArtifactAndRegistersNothing()
    {
        var run = await CreateRunAsync();
        using (var connection = new SqliteConnection($"Data Source={_temp.Folder.File("gangway.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"UPDATE run_artifacts SET content = x'00' WHERE run_id = '{run.Id}'";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        var ex = await Assert.ThrowsAsync<GangwayException>(() => ModelRegistration.RegisterAsync(Store, run, "titanic", new Change("tests"), CancellationToken.None));

        Assert.Equal(ErrorKind.CorruptArtifact, ex.Kind);
        Assert.Null(await Store.Registry.FindModelAsync("titanic", CancellationToken.None));
    }

    private Task<RunRecord> CreateRunAsync() =>
        Store.Runs.CreateRunAsync(
            TrainingRuns.Training(trained.Titanic, BundleWriter.ToBytes(trained.Titanic), TitanicFiles.TitanicSpec, TitanicFiles.Train, TempStore.StartedAt, TempStore.StartedAt.AddSeconds(1)),
            new Change("tests"),
            CancellationToken.None);
}
