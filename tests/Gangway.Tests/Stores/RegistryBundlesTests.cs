using Gangway.Bundles;
using Gangway.Stores;
using Microsoft.Data.Sqlite;

namespace Gangway.Tests.Stores;

public sealed class RegistryBundlesTests : IDisposable
{
    private static readonly byte[] FirstBytes = [1, 2, 3, 4];
    private static readonly byte[] SecondBytes = [5, 6, 7, 8, 9];

    private readonly TempStore _temp = new();

    public RegistryBundlesTests()
    {
        Register(FirstBytes);
        Register(SecondBytes);
        Store.SetAlias("titanic", "champion", 1, new Change("tests"));
    }

    private IModelStore Store => _temp.Store;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void FindVersion_Alias_GivesTheVersionItPointsAt()
    {
        var version = RegistryBundles.FindVersion(Store, new ModelReference("titanic", "champion", null));

        Assert.Equal(1, version.Version);
        Assert.Equal(Hashing.Sha256(FirstBytes), version.Sha256);
    }

    [Fact]
    public void FindVersion_Version_GivesThatVersion()
    {
        var version = RegistryBundles.FindVersion(Store, new ModelReference("titanic", null, 2));

        Assert.Equal("titanic:2", version.Reference);
        Assert.Equal(Hashing.Sha256(SecondBytes), version.Sha256);
    }

    [Fact]
    public void FindVersion_UnknownModel_IsNotFoundNamingModelAndStore()
    {
        var ex = Assert.Throws<GangwayException>(() => RegistryBundles.FindVersion(Store, new ModelReference("lusitania", "champion", null)));

        Assert.Equal(ErrorKind.NotFound, ex.Kind);
        Assert.Equal($"Model 'lusitania' is not registered in store '{Store.DisplayUri}'.", ex.Message);
    }

    [Fact]
    public void FindVersion_UnknownAlias_IsNotFoundNamingTheAlias()
    {
        var ex = Assert.Throws<GangwayException>(() => RegistryBundles.FindVersion(Store, new ModelReference("titanic", "staging", null)));

        Assert.Equal(ErrorKind.NotFound, ex.Kind);
        Assert.Equal($"Model 'titanic' has no alias 'staging' in store '{Store.DisplayUri}'; promote a version to it first.", ex.Message);
    }

    [Fact]
    public void FindVersion_UnknownVersion_IsNotFoundNamingTheVersion()
    {
        var ex = Assert.Throws<GangwayException>(() => RegistryBundles.FindVersion(Store, new ModelReference("titanic", null, 9)));

        Assert.Equal(ErrorKind.NotFound, ex.Kind);
        Assert.Equal($"Model 'titanic' has no version 9 in store '{Store.DisplayUri}'.", ex.Message);
    }

    [Fact]
    public void Materialize_Version_WritesItsBytesUnderANameWithItsDigest()
    {
        var version = Store.FindVersion("titanic", 2)!;

        var path = RegistryBundles.Materialize(Store, version, _temp.CacheDirectory);

        Assert.Equal(Path.Combine(_temp.CacheDirectory, $"titanic-2-{version.Sha256}.gwb"), path);
        Assert.Equal(SecondBytes, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(_temp.CacheDirectory));
    }

    [Fact]
    public void Materialize_SecondCall_ReusesTheFileWithoutRewritingIt()
    {
        var version = Store.FindVersion("titanic", 1)!;
        var first = RegistryBundles.Materialize(Store, version, _temp.CacheDirectory);
        var marker = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(first, marker);

        var second = RegistryBundles.Materialize(Store, version, _temp.CacheDirectory);

        Assert.Equal(first, second);
        Assert.Equal(marker, File.GetLastWriteTimeUtc(second));
    }

    [Fact]
    public void Materialize_TamperedCacheFile_IsWrittenAgain()
    {
        var version = Store.FindVersion("titanic", 1)!;
        var path = RegistryBundles.Materialize(Store, version, _temp.CacheDirectory);
        File.WriteAllBytes(path, [9, 9, 9, 9]);

        var again = RegistryBundles.Materialize(Store, version, _temp.CacheDirectory);

        Assert.Equal(path, again);
        Assert.Equal(FirstBytes, File.ReadAllBytes(again));
    }

    [Fact]
    public void Materialize_StoredArtifactAltered_IsCorruptArtifactAndWritesNothing()
    {
        var version = Store.FindVersion("titanic", 2)!;
        Tamper(version.RunId);

        var ex = Assert.Throws<GangwayException>(() => RegistryBundles.Materialize(Store, version, _temp.CacheDirectory));

        Assert.Equal(ErrorKind.CorruptArtifact, ex.Kind);
        Assert.Equal($"Model titanic:2 in store '{Store.DisplayUri}': the stored bundle does not match its registered SHA-256.", ex.Message);
        Assert.Empty(Directory.GetFiles(_temp.CacheDirectory));
    }

    [Fact]
    public void Materialize_NoCacheDirectory_UsesTheDefault()
    {
        Assert.Equal(Path.Combine(Path.GetTempPath(), "gangway-bundles"), RegistryBundles.DefaultCacheDirectory);
        var version = Store.FindVersion("titanic", 1)!;

        var path = RegistryBundles.Materialize(Store, version);
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
    public void VerifyRunArtifact_Intact_Passes()
    {
        var run = Store.FindRun(Store.FindVersion("titanic", 1)!.RunId)!;

        RegistryBundles.VerifyRunArtifact(Store, run, RunArtifact.ModelBundle);
    }

    [Fact]
    public void VerifyRunArtifact_StoredArtifactAltered_IsCorruptArtifactNamingTheRunAndBothDigests()
    {
        var run = Store.FindRun(Store.FindVersion("titanic", 2)!.RunId)!;
        Tamper(run.Id);

        var ex = Assert.Throws<GangwayException>(() => RegistryBundles.VerifyRunArtifact(Store, run, RunArtifact.ModelBundle));

        Assert.Equal(ErrorKind.CorruptArtifact, ex.Kind);
        Assert.Equal(
            $"Run '{run.Id}' in store '{Store.DisplayUri}': artifact 'model.gwb' does not match the SHA-256 recorded with the run (recorded {Hashing.Sha256(SecondBytes)}, content {Hashing.Sha256([0x00, 0xff])}).",
            ex.Message);
    }

    [Fact]
    public void VerifyRunArtifact_NoSuchArtifact_IsNotFoundListingTheArtifacts()
    {
        var run = Store.FindRun(Store.FindVersion("titanic", 1)!.RunId)!;

        var ex = Assert.Throws<GangwayException>(() => RegistryBundles.VerifyRunArtifact(Store, run, "other.gwb"));

        Assert.Equal(ErrorKind.NotFound, ex.Kind);
        Assert.EndsWith("has no artifact 'other.gwb'; it has: model.gwb.", ex.Message, StringComparison.Ordinal);
    }

    private void Register(byte[] content)
    {
        var run = Store.CreateRun(
            new NewRun("titanic", "", null, RunStatus.Finished, TempStore.StartedAt, TempStore.StartedAt, new Dictionary<string, string>(), new Dictionary<string, double>(), new Dictionary<string, string>(), null, [new RunArtifact(RunArtifact.ModelBundle, content)]),
            new Change("tests"));
        Store.RegisterVersion("titanic", run.Id, RunArtifact.ModelBundle, new Change("tests"));
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
