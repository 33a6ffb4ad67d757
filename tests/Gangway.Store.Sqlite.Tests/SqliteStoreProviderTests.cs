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
    public void Open_RelativePath_ResolvesAgainstTheCurrentDirectoryAndCreatesFolders()
    {
        var target = Path.Combine(_database.Folder, "nested", "deeper", "gangway.db");
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, target);
        Assert.False(Path.IsPathRooted(relative));

        using (var store = new SqliteStoreProvider().Open("sqlite:" + relative))
        {
            Assert.Equal("sqlite:" + relative, store.DisplayUri);
        }

        Assert.True(File.Exists(target));
    }

    [Fact]
    public void Open_TripleSlashAbsoluteUri_OpensThatFile()
    {
        using (new SqliteStoreProvider().Open("sqlite://" + _database.FilePath))
        {
        }

        Assert.True(File.Exists(_database.FilePath));
    }

    [Theory]
    [InlineData("sqlite:")]
    [InlineData("sqlite:   ")]
    [InlineData("sqlite://host/gangway.db")]
    [InlineData("sqlite:///")]
    public void Open_UriWithoutAFilePath_ThrowsInvalidInputListingTheForms(string uri)
    {
        var exception = Assert.Throws<GangwayException>(() => new SqliteStoreProvider().Open(uri));

        Assert.Equal(ErrorKind.InvalidInput, exception.Kind);
        Assert.Contains($"'{uri}'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("sqlite:<path>", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_FileThatIsNotADatabase_ThrowsInvalidInputNamingThePath()
    {
        File.WriteAllText(_database.FilePath, "PassengerId,Survived\n1,0\n2,1\n" + new string('x', 2000));

        var exception = Assert.Throws<GangwayException>(() => new SqliteStoreProvider().Open(_database.Uri));

        Assert.Equal(ErrorKind.InvalidInput, exception.Kind);
        Assert.Equal($"Store '{_database.Uri}' cannot be opened: '{_database.FilePath}' is not a SQLite database.", exception.Message);
    }

    [Fact]
    public void Open_PathOfAFolder_ThrowsInvalidInputNamingThePath()
    {
        var exception = Assert.Throws<GangwayException>(() => new SqliteStoreProvider().Open("sqlite:" + _database.Folder));

        Assert.Equal(ErrorKind.InvalidInput, exception.Kind);
        Assert.Contains($"'{_database.Folder}' is a folder", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_FolderCannotBeCreated_ThrowsInvalidInputNamingThePath()
    {
        var blocker = Path.Combine(_database.Folder, "plain-file");
        File.WriteAllText(blocker, "not a folder");
        var path = Path.Combine(blocker, "gangway.db");

        var exception = Assert.Throws<GangwayException>(() => new SqliteStoreProvider().Open("sqlite:" + path));

        Assert.Equal(ErrorKind.InvalidInput, exception.Kind);
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_AfterDispose_DataIsStillThere()
    {
        string runId;
        using (var store = new SqliteStoreProvider().Open(_database.Uri))
        {
            runId = store.CreateRun(NewRunBuilder.WithModel("kept").WithMetric("auc", 0.875).Build(), StoreChanges.ByTester).Id;
            store.RegisterVersion("titanic", runId, RunArtifact.ModelBundle, StoreChanges.ByTester);
            store.SetAlias("titanic", "champion", 1, StoreChanges.ByTester);
        }

        using var reopened = new SqliteStoreProvider().Open(_database.Uri);

        Assert.Equal(0.875, reopened.FindRun(runId)!.Metrics["auc"]);
        Assert.Equal("kept"u8.ToArray(), reopened.ReadVersionArtifact("titanic", 1));
        Assert.Equal(1, reopened.ResolveAlias("titanic", "champion"));
        Assert.Equal(3, reopened.ListAudit(new AuditQuery()).Count);
    }

    [Fact]
    public void Open_NewFile_UsesWalJournalAndKeepsArtifactsAsBlobs()
    {
        using (var store = new SqliteStoreProvider().Open(_database.Uri))
        {
            store.CreateRun(NewRunBuilder.WithModel().Build(), StoreChanges.ByTester);
        }

        Assert.Equal("wal", _database.Sql("PRAGMA journal_mode").Single()[0]);
        Assert.Equal("blob", _database.Sql("SELECT typeof(content) FROM run_artifacts").Single()[0]);
    }

    [Fact]
    public void Open_TwoThreadsOnANewFile_BothOpenAndMigrationsApplyOnce()
    {
        var stores = new IModelStore?[2];
        var threads = Enumerable.Range(0, 2).Select(i => new Thread(() => stores[i] = new SqliteStoreProvider().Open(_database.Uri))).ToList();

        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());

        Assert.All(stores, Assert.NotNull);
        Array.ForEach(stores, store => store!.Dispose());
        Assert.Equal(SqliteMigrations.Latest, _database.Sql("SELECT COUNT(*) FROM schema_migrations").Single()[0] is long count ? (int)count : -1);
    }

    [Fact]
    public void StoreCatalog_WithSqliteProvider_OpensSqliteUrisAndListsTheFormsForOthers()
    {
        var catalog = new StoreCatalog().Add(new SqliteStoreProvider());

        using (var store = catalog.Open(_database.Uri))
        {
            Assert.Equal(_database.Uri, store.DisplayUri);
        }

        var exception = Assert.Throws<GangwayException>(() => catalog.Open("mysql://host/db"));
        Assert.Contains("sqlite:<path>, sqlite:///<absolute path>", exception.Message, StringComparison.Ordinal);
    }
}
