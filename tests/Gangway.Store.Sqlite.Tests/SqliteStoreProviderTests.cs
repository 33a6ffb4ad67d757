using Gangway.Stores;
using Gangway.Tests.Conformance.Stores;

namespace Gangway.Store.Sqlite.Tests;

public sealed class SqliteStoreProviderTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Theory]
    [InlineData("sqlite:.gangway/gangway.db", true)]
    [InlineData("sqlite:///var/gangway.db", true)]
    [InlineData("SQLite:store.db", true)]
    [InlineData("postgresql://host/db", false)]
    [InlineData("store.db", false)]
    public void CanOpen_Uri_TrueOnlyForSqliteUris(string uri, bool expected) =>
        Assert.Equal(expected, new SqliteStoreProvider().CanOpen(uri));

    [Fact]
    public async Task Open_RelativePath_ResolvesAgainstTheCurrentDirectoryAndCreatesFolders()
    {
        var target = Path.Combine(_database.Folder, "nested", "deeper", "gangway.db");
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, target);
        Assert.False(Path.IsPathRooted(relative));

        await using (var store = await new SqliteStoreProvider().OpenAsync("sqlite:" + relative, CancellationToken.None))
        {
            Assert.Equal("sqlite:" + relative, store.DisplayUri);
        }

        Assert.True(File.Exists(target));
    }

    [Fact]
    public async Task Open_TripleSlashAbsoluteUri_OpensThatFile()
    {
        await using (await new SqliteStoreProvider().OpenAsync("sqlite://" + _database.FilePath, CancellationToken.None))
        {
        }

        Assert.True(File.Exists(_database.FilePath));
    }

    [Fact]
    public async Task Open_NewFile_Uses16KiBPages()
    {
        await using (await new SqliteStoreProvider().OpenAsync(_database.Uri, CancellationToken.None))
        {
        }

        Assert.Equal(16_384L, _database.Sql("PRAGMA page_size")[0][0]);
    }

    [Fact]
    public async Task Open_ExistingFileWith4KiBPages_KeepsThemAndTakesLogRecords()
    {
        _database.Sql("PRAGMA page_size = 4096; CREATE TABLE made_before (a INTEGER)");
        var record = LoggedPredictions.Served(1);

        await using (var store = await new SqliteStoreProvider().OpenAsync(_database.Uri, CancellationToken.None))
        {
            await store.PredictionLog.AppendAsync([record], CancellationToken.None);
            Assert.Equal(record, await store.PredictionLog.FindAsync(record.PredictionId, CancellationToken.None));
        }

        Assert.Equal(4_096L, _database.Sql("PRAGMA page_size")[0][0]);
    }

    [Theory]
    [InlineData("sqlite:")]
    [InlineData("sqlite:   ")]
    [InlineData("sqlite://host/gangway.db")]
    [InlineData("sqlite:///")]
    public async Task Open_UriWithoutAFilePath_ThrowsInvalidInputListingTheForms(string uri)
    {
        var exception = await Assert.ThrowsAsync<GangwayException>(() => new SqliteStoreProvider().OpenAsync(uri, CancellationToken.None));

        Assert.Equal(ErrorKind.InvalidInput, exception.Kind);
        Assert.Contains($"'{uri}'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("sqlite:<path>", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_FileThatIsNotADatabase_ThrowsInvalidInputNamingThePath()
    {
        File.WriteAllText(_database.FilePath, "PassengerId,Survived\n1,0\n2,1\n" + new string('x', 2000));

        var exception = await Assert.ThrowsAsync<GangwayException>(() => new SqliteStoreProvider().OpenAsync(_database.Uri, CancellationToken.None));

        Assert.Equal(ErrorKind.InvalidInput, exception.Kind);
        Assert.Equal($"Store '{_database.Uri}' cannot be opened: '{_database.FilePath}' is not a SQLite database.", exception.Message);
    }

    [Fact]
    public async Task Open_PathOfAFolder_ThrowsInvalidInputNamingThePath()
    {
        var exception = await Assert.ThrowsAsync<GangwayException>(() => new SqliteStoreProvider().OpenAsync("sqlite:" + _database.Folder, CancellationToken.None));

        Assert.Equal(ErrorKind.InvalidInput, exception.Kind);
        Assert.Contains($"'{_database.Folder}' is a folder", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_FolderCannotBeCreated_ThrowsInvalidInputNamingThePath()
    {
        var blocker = Path.Combine(_database.Folder, "plain-file");
        File.WriteAllText(blocker, "not a folder");
        var path = Path.Combine(blocker, "gangway.db");

        var exception = await Assert.ThrowsAsync<GangwayException>(() => new SqliteStoreProvider().OpenAsync("sqlite:" + path, CancellationToken.None));

        Assert.Equal(ErrorKind.InvalidInput, exception.Kind);
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_AfterDispose_DataIsStillThere()
    {
        string runId;
        await using (var store = await new SqliteStoreProvider().OpenAsync(_database.Uri, CancellationToken.None))
        {
            runId = (await store.Runs.CreateRunAsync(NewRunBuilder.WithModel("kept").WithMetric("auc", 0.875).Build(), StoreChanges.ByTester, CancellationToken.None)).Id;
            await store.Registry.RegisterVersionAsync("titanic", runId, RunArtifact.ModelBundle, StoreChanges.ByTester, CancellationToken.None);
            await store.Registry.SetAliasAsync("titanic", "champion", 1, StoreChanges.ByTester, CancellationToken.None);
        }

        await using var reopened = await new SqliteStoreProvider().OpenAsync(_database.Uri, CancellationToken.None);

        Assert.Equal(0.875, (await reopened.Runs.FindRunAsync(runId, CancellationToken.None))!.Metrics["auc"]);
        Assert.Equal("kept"u8.ToArray(), await reopened.Registry.ReadVersionArtifactAsync("titanic", 1, CancellationToken.None));
        Assert.Equal(1, await reopened.Registry.ResolveAliasAsync("titanic", "champion", CancellationToken.None));
        Assert.Equal(3, (await reopened.Registry.ListAuditAsync(new AuditQuery(), CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Open_NewFile_UsesWalJournalAndKeepsArtifactsAsBlobs()
    {
        await using (var store = await new SqliteStoreProvider().OpenAsync(_database.Uri, CancellationToken.None))
        {
            await store.Runs.CreateRunAsync(NewRunBuilder.WithModel().Build(), StoreChanges.ByTester, CancellationToken.None);
        }

        Assert.Equal("wal", _database.Sql("PRAGMA journal_mode").Single()[0]);
        Assert.Equal("blob", _database.Sql("SELECT typeof(content) FROM run_artifacts").Single()[0]);
    }

    [Fact]
    public async Task Open_TwoThreadsOnANewFile_BothOpenAndMigrationsApplyOnce()
    {
        var stores = new IStore?[2];
        // Real threads, each waiting on its own open, so both migrate the new file at the same time.
        var threads = Enumerable.Range(0, 2).Select(i => new Thread(() => stores[i] = new SqliteStoreProvider().OpenAsync(_database.Uri, CancellationToken.None).GetAwaiter().GetResult())).ToList();

        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());

        Assert.All(stores, Assert.NotNull);
        foreach (var store in stores)
        {
            await store!.DisposeAsync();
        }

        Assert.Equal(SqliteMigrations.Latest, _database.Sql("SELECT COUNT(*) FROM schema_migrations").Single()[0] is long count ? (int)count : -1);
    }

    [Fact]
    public async Task StoreCatalog_WithSqliteProvider_OpensSqliteUrisAndListsTheFormsForOthers()
    {
        var catalog = new StoreCatalog().Add(new SqliteStoreProvider());

        await using (var store = await catalog.OpenAsync(_database.Uri, CancellationToken.None))
        {
            Assert.Equal(_database.Uri, store.DisplayUri);
        }

        var exception = await Assert.ThrowsAsync<GangwayException>(() => catalog.OpenAsync("mysql://host/db", CancellationToken.None));
        Assert.Contains("sqlite:<path>, sqlite:///<absolute path>", exception.Message, StringComparison.Ordinal);
    }
}
