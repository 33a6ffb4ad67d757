using Gangway.Bundles;
using Gangway.Registry;
using Gangway.Stores;
using Gangway.Tests.Stores;
using Microsoft.Data.Sqlite;

namespace Gangway.Tests.Registry;

public sealed class RegistryBundlesTests : IAsyncLifetime, IDisposable
{
    private static readonly byte[] FirstBytes = [1, 2, 3, 4];
    private static readonly byte[] SecondBytes = [5, 6, 7, 8, 9];

    private readonly TempStore _temp = new();

    public async Task InitializeAsync()
    {
        await RegisterAsync(FirstBytes);
        await RegisterAsync(SecondBytes);
        await Store.Registry.SetAliasAsync("titanic", "champion", 1, new Change("tests"), CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private IStore Store => _temp.Store;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task FindVersion_Alias_GivesTheVersionItPointsAt()
    {
        var version = await RegistryBundles.FindVersionAsync(Store.Registry, new ModelReference("titanic", "champion", null), CancellationToken.None);

        Assert.Equal(1, version.Version);
        Assert.Equal(Hashing.Sha256(FirstBytes), version.Sha256);
    }

    [Fact]
    public async Task FindVersion_Version_GivesThatVersion()
    {
        var version = await RegistryBundles.FindVersionAsync(Store.Registry, new ModelReference("titanic", null, 2), CancellationToken.None);

        Assert.Equal("titanic:2", version.Reference);
        Assert.Equal(Hashing.Sha256(SecondBytes), version.Sha256);
    }

    [Fact]
    public async Task FindVersion_UnknownModel_IsNotFoundNamingModelAndStore()
    {
        var ex = await Assert.ThrowsAsync<GangwayException>(() => RegistryBundles.FindVersionAsync(Store.Registry, new ModelReference("lusitania", "champion", null), CancellationToken.None));

        Assert.Equal(ErrorKind.NotFound, ex.Kind);
        Assert.Equal($"Model 'lusitania' is not registered in store '{Store.DisplayUri}'.", ex.Message);
    }

    [Fact]
    public async Task FindVersion_UnknownAlias_IsNotFoundNamingTheAlias()
    {
        var ex = await Assert.ThrowsAsync<GangwayException>(() => RegistryBundles.FindVersionAsync(Store.Registry, new ModelReference("titanic", "staging", null), CancellationToken.None));

        Assert.Equal(ErrorKind.NotFound, ex.Kind);
        Assert.Equal($"Model 'titanic' has no alias 'staging' in store '{Store.DisplayUri}'; promote a version to it first.", ex.Message);
    }

    [Fact]
    public async Task FindVersion_UnknownVersion_IsNotFoundNamingTheVersion()
    {
        var ex = await Assert.ThrowsAsync<GangwayException>(() => RegistryBundles.FindVersionAsync(Store.Registry, new ModelReference("titanic", null, 9), CancellationToken.None));

        Assert.Equal(ErrorKind.NotFound, ex.Kind);
        Assert.Equal($"Model 'titanic' has no version 9 in store '{Store.DisplayUri}'.", ex.Message);
    }

    [Fact]
    public async Task Materialize_Version_WritesItsBytesUnderANameWithItsDigest()
    {
        var version = (await Store.Registry.FindVersionAsync("titanic", 2, CancellationToken.None))!;

        var path = await RegistryBundles.MaterializeAsync(Store.Registry, version, _temp.CacheDirectory, CancellationToken.None);

        Assert.Equal(Path.Combine(_temp.CacheDirectory, $"titanic-2-{version.Sha256}.gwb"), path);
        Assert.Equal(SecondBytes, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(_temp.CacheDirectory));
    }

    [Fact]
    public async Task Materialize_SecondCall_ReusesTheFileWithoutRewritingIt()
    {
        var version = (await Store.Registry.FindVersionAsync("titanic", 1, CancellationToken.None))!;
        var first = await RegistryBundles.MaterializeAsync(Store.Registry, version, _temp.CacheDirectory, CancellationToken.None);
        var marker = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(first, marker);

        var second = await RegistryBundles.MaterializeAsync(Store.Registry, version, _temp.CacheDirectory, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(marker, File.GetLastWriteTimeUtc(second));
    }

    [Fact]
    public async Task Materialize_TamperedCacheFile_IsWrittenAgain()
    {
        var version = (await Store.Registry.FindVersionAsync("titanic", 1, CancellationToken.None))!;
        var path = await RegistryBundles.MaterializeAsync(Store.Registry, version, _temp.CacheDirectory, CancellationToken.None);
        File.WriteAllBytes(path, [9, 9, 9, 9]);

        var again = await RegistryBundles.MaterializeAsync(Store.Registry, version, _temp.CacheDirectory, CancellationToken.None);

        Assert.Equal(path, again);
        Assert.Equal(FirstBytes, File.ReadAllBytes(again));
    }

    [Fact]
    public async Task Materialize_StoredArtifactAltered_IsCorruptArtifactAndWritesNothing()
    {
        var version = (await Store.Registry.FindVersionAsync("titanic", 2, CancellationToken.None))!;
        Tamper(version.RunId);

        var ex = await Assert.ThrowsAsync<GangwayException>(() => RegistryBundles.MaterializeAsync(Store.Registry, version, _temp.CacheDirectory, CancellationToken.None));

        Assert.Equal(ErrorKind.CorruptArtifact, ex.Kind);
        Assert.Equal($"Model titanic:2 in store '{Store.DisplayUri}': the stored bundle does not match its registered SHA-256.", ex.Message);
        Assert.Empty(Directory.GetFiles(_temp.CacheDirectory));
    }

    [Fact]
    public async Task Materialize_NoCacheDirectory_UsesTheDefault()
    {
        Assert.Equal(Path.Combine(Path.GetTempPath(), "gangway-bundles"), RegistryBundles.DefaultCacheDirectory);
        var version = (await Store.Registry.FindVersionAsync("titanic", 1, CancellationToken.None))!;

        var path = await RegistryBundles.MaterializeAsync(Store.Registry, version, null, CancellationToken.None);
        try
        {
            Assert.Equal(RegistryBundles.DefaultCacheDirectory, Path.GetDirectoryName(path));
            Assert.Equal(FirstBytes, File.ReadAllBytes(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task VerifyRunArtifact_Intact_Passes()
    {
        var run = (await Store.Runs.FindRunAsync((await Store.Registry.FindVersionAsync("titanic", 1, CancellationToken.None))!.RunId, CancellationToken.None))!;

        await RegistryBundles.VerifyRunArtifactAsync(Store.Runs, run, RunArtifact.ModelBundle, CancellationToken.None);
    }

    [Fact]
    public async Task VerifyRunArtifact_StoredArtifactAltered_IsCorruptArtifactNamingTheRunAndBothDigests()
    {
        var run = (await Store.Runs.FindRunAsync((await Store.Registry.FindVersionAsync("titanic", 2, CancellationToken.None))!.RunId, CancellationToken.None))!;
        Tamper(run.Id);

        var ex = await Assert.ThrowsAsync<GangwayException>(() => RegistryBundles.VerifyRunArtifactAsync(Store.Runs, run, RunArtifact.ModelBundle, CancellationToken.None));

        Assert.Equal(ErrorKind.CorruptArtifact, ex.Kind);
        Assert.Equal(
            $"Run '{run.Id}' in store '{Store.DisplayUri}': artifact 'model.gwb' does not match the SHA-256 recorded with the run (recorded {Hashing.Sha256(SecondBytes)}, content {Hashing.Sha256([0x00, 0xff])}).",
            ex.Message);
    }

    [Fact]
    public async Task VerifyRunArtifact_NoSuchArtifact_IsNotFoundListingTheArtifacts()
    {
        var run = (await Store.Runs.FindRunAsync((await Store.Registry.FindVersionAsync("titanic", 1, CancellationToken.None))!.RunId, CancellationToken.None))!;

        var ex = await Assert.ThrowsAsync<GangwayException>(() => RegistryBundles.VerifyRunArtifactAsync(Store.Runs, run, "other.gwb", CancellationToken.None));

        Assert.Equal(ErrorKind.NotFound, ex.Kind);
        Assert.EndsWith("has no artifact 'other.gwb'; it has: model.gwb.", ex.Message, StringComparison.Ordinal);
    }

    private async Task RegisterAsync(byte[] content)
    {
        var run = await Store.Runs.CreateRunAsync(
            new NewRun("titanic", "", null, RunStatus.Finished, TempStore.StartedAt, TempStore.StartedAt, new Dictionary<string, string>(), new Dictionary<string, double>(), new Dictionary<string, string>(), null, [new RunArtifact(RunArtifact.ModelBundle, content)]),
            new Change("tests"), CancellationToken.None);
        await Store.Registry.RegisterVersionAsync("titanic", run.Id, RunArtifact.ModelBundle, new Change("tests"), CancellationToken.None);
    }

    // Alters the stored bytes behind the store's back, as disk corruption or a manual edit of the database would.
    private void Tamper(string runId)
    {
        using var connection = new SqliteConnection($"Data Source={_temp.Folder.File("gangway.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE run_artifacts SET content = x'00ff' WHERE run_id = $run";
        command.Parameters.AddWithValue("$run", runId);
        Assert.Equal(1, command.ExecuteNonQuery());
    }
}
