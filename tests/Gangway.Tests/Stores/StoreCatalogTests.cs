using Gangway.Store.Sqlite;
using Gangway.Stores;
using Gangway.Tests.Bundles;

namespace Gangway.Tests.Stores;

[Collection(SharedEnvironment.Name)]
public class StoreCatalogTests
{
    [Fact]
    public void ChooseUri_ExplicitUri_WinsOverTheEnvironment()
    {
        using var _ = new EnvironmentVariableScope(StoreCatalog.EnvironmentVariable, "sqlite:/from/environment.db");

        Assert.Equal("sqlite:/given.db", StoreCatalog.ChooseUri("sqlite:/given.db"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ChooseUri_NoUri_UsesTheEnvironment(string? uri)
    {
        using var _ = new EnvironmentVariableScope(StoreCatalog.EnvironmentVariable, "sqlite:/from/environment.db");

        Assert.Equal("sqlite:/from/environment.db", StoreCatalog.ChooseUri(uri));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void ChooseUri_NoUriAndNoEnvironment_UsesTheDefault(string? environment)
    {
        using var _ = new EnvironmentVariableScope(StoreCatalog.EnvironmentVariable, environment);

        Assert.Equal(StoreCatalog.DefaultUri, StoreCatalog.ChooseUri(null));
        Assert.Equal("sqlite:.gangway/gangway.db", StoreCatalog.DefaultUri);
    }

    [Fact]
    public async Task Open_NoUri_OpensTheStoreTheEnvironmentNames()
    {
        using var temp = new TempDirectory();
        var uri = "sqlite:" + temp.File("env.db");
        using var _ = new EnvironmentVariableScope(StoreCatalog.EnvironmentVariable, uri);

        await using (var store = await new StoreCatalog().Add(new SqliteStoreProvider()).OpenAsync(null, CancellationToken.None))
        {
            Assert.Equal(uri, store.DisplayUri);
        }

        Assert.True(File.Exists(temp.File("env.db")));
    }

    [Fact]
    public async Task Open_UnknownScheme_IsInvalidInputListingTheFormsWithoutThePassword()
    {
        var catalog = new StoreCatalog().Add(new SqliteStoreProvider());

        var ex = await Assert.ThrowsAsync<GangwayException>(() => catalog.OpenAsync("mysql://admin:hunter2@db.example/gangway", CancellationToken.None));

        Assert.Equal(ErrorKind.InvalidInput, ex.Kind);
        Assert.Equal(
            "Store 'mysql://admin:***@db.example/gangway' is not a store URI; use one of: sqlite:<path>, sqlite:///<absolute path>.",
            ex.Message);
    }

    [Fact]
    public void Add_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new StoreCatalog().Add(null!));
    }
}
