using System.Text;
using Gangway.Bundles;
using Gangway.Stores;

namespace Gangway.Tests.Conformance.Stores;

public abstract partial class ModelStoreConformance
{
    [Fact]
    public void RegisterVersion_NewModel_IsVersionOneWithTheArtifactsSha256()
    {
        var store = NewStore();
        var run = CreateModelRun(store, "first bundle");
        var before = DateTimeOffset.UtcNow;

        var version = store.RegisterVersion("titanic", run.Id, RunArtifact.ModelBundle, new Change("alice", "first"));

        Assert.Equal(("titanic", 1, run.Id, RunArtifact.ModelBundle), (version.Model, version.Version, version.RunId, version.Artifact));
        Assert.Equal(Hashing.Sha256(Encoding.UTF8.GetBytes("first bundle")), version.Sha256);
        Assert.Equal("alice", version.CreatedBy);
        AssertUtcBetween(version.CreatedAt, before, DateTimeOffset.UtcNow);
        Assert.Equal(version, store.FindVersion("titanic", 1));
    }

    [Fact]
    public void RegisterVersion_SeveralTimes_NumbersIncreasePerModel()
    {
        var store = NewStore();

        var numbers = new[] { RegisterNew(store, "titanic"), RegisterNew(store, "titanic"), RegisterNew(store, "upsell"), RegisterNew(store, "titanic") }
            .Select(version => version.Reference);

        Assert.Equal(["titanic:1", "titanic:2", "upsell:1", "titanic:3"], numbers);
    }

    [Fact]
    public void RegisterVersion_UnknownRun_ThrowsNotFoundNamingTheRunAndStore()
    {
        var store = NewStore();
        var missing = new string('d', 32);

        var exception = Fails(ErrorKind.NotFound, () => store.RegisterVersion("titanic", missing, RunArtifact.ModelBundle, StoreChanges.ByTester));

        Assert.Contains(missing, exception.Message, StringComparison.Ordinal);
        Assert.Contains(store.DisplayUri, exception.Message, StringComparison.Ordinal);
        Assert.Null(store.FindModel("titanic"));
    }

    [Fact]
    public void RegisterVersion_UnknownArtifact_ThrowsNotFoundNamingTheArtifact()
    {
        var store = NewStore();
        var run = CreateModelRun(store);

        var exception = Fails(ErrorKind.NotFound, () => store.RegisterVersion("titanic", run.Id, "missing.gwb", StoreChanges.ByTester));

        Assert.Contains("missing.gwb", exception.Message, StringComparison.Ordinal);
        Assert.Empty(store.ListVersions("titanic"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("-leading-dash")]
    [InlineData("a/b")]
    [InlineData("name@alias")]
    public void RegisterVersion_InvalidModelName_ThrowsInvalidInputNamingTheName(string name)
    {
        var store = NewStore();
        var run = CreateModelRun(store);

        var exception = Fails(ErrorKind.InvalidInput, () => store.RegisterVersion(name, run.Id, RunArtifact.ModelBundle, StoreChanges.ByTester));

        Assert.Contains($"'{name}'", exception.Message, StringComparison.Ordinal);
        Assert.Empty(store.ListModels());
    }

    [Fact]
    public void ReadVersionArtifact_RegisteredVersion_ReturnsTheArtifactBytes()
    {
        var store = NewStore();
        RegisterNew(store, "titanic", "one");
        RegisterNew(store, "titanic", "two");

        Assert.Equal("one"u8.ToArray(), store.ReadVersionArtifact("titanic", 1));
        Assert.Equal("two"u8.ToArray(), store.ReadVersionArtifact("titanic", 2));
    }

    [Fact]
    public void ReadVersionArtifact_UnknownVersion_ThrowsNotFoundNamingTheVersion()
    {
        var store = NewStore();
        RegisterNew(store, "titanic");

        var exception = Fails(ErrorKind.NotFound, () => store.ReadVersionArtifact("titanic", 7));

        Assert.Contains("titanic", exception.Message, StringComparison.Ordinal);
        Assert.Contains("7", exception.Message, StringComparison.Ordinal);
        Assert.Contains(store.DisplayUri, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindVersion_UnknownModelOrVersion_ReturnsNull()
    {
        var store = NewStore();
        RegisterNew(store, "titanic");

        Assert.Null(store.FindVersion("titanic", 2));
        Assert.Null(store.FindVersion("upsell", 1));
    }

    [Fact]
    public void ListVersions_SeveralVersions_NewestFirstAndEmptyForUnknownModel()
    {
        var store = NewStore();
        RegisterNew(store, "titanic");
        RegisterNew(store, "titanic");
        RegisterNew(store, "titanic");

        Assert.Equal([3, 2, 1], store.ListVersions("titanic").Select(version => version.Version));
        Assert.Empty(store.ListVersions("upsell"));
    }

    [Fact]
    public void ListModels_SeveralModels_ByNameWithLatestVersionAndAliases()
    {
        var store = NewStore();
        var before = DateTimeOffset.UtcNow;
        RegisterNew(store, "upsell");
        var firstTitanic = RegisterNew(store, "titanic");
        RegisterNew(store, "titanic");
        store.SetAlias("titanic", "champion", 1, StoreChanges.ByTester);
        store.SetAlias("titanic", "challenger", 2, StoreChanges.ByTester);

        var models = store.ListModels();

        Assert.Equal(["titanic", "upsell"], models.Select(model => model.Name));
        Assert.Equal(2, models[0].LatestVersion);
        Assert.Equal([new("challenger", 2), new("champion", 1)], Sorted(models[0].Aliases));
        Assert.Equal(firstTitanic.CreatedAt, models[0].CreatedAt);
        Assert.Empty(models[1].Aliases);
        AssertUtcBetween(models[1].CreatedAt, before, DateTimeOffset.UtcNow);
    }

    [Fact]
    public void FindModel_RegisteredOrUnknown_ReturnsModelOrNull()
    {
        var store = NewStore();
        RegisterNew(store, "titanic");
        RegisterNew(store, "titanic");

        var model = store.FindModel("titanic");

        Assert.Equal(("titanic", 2), (model?.Name, model?.LatestVersion));
        Assert.Null(store.FindModel("upsell"));
    }
}
