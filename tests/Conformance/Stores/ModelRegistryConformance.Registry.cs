using System.Text;
using Gangway.Bundles;
using Gangway.Stores;

namespace Gangway.Tests.Conformance.Stores;

public abstract partial class ModelRegistryConformance
{
    [Fact]
    public async Task RegisterVersion_NewModel_IsVersionOneWithTheArtifactsSha256()
    {
        var store = await NewStore();
        var run = await CreateModelRun(store, "first bundle");
        var before = DateTimeOffset.UtcNow;

        var version = await store.Registry.RegisterVersionAsync("titanic", run.Id, RunArtifact.ModelBundle, new Change("alice", "first"), Ct);

        Assert.Equal(("titanic", 1, run.Id, RunArtifact.ModelBundle), (version.Model, version.Version, version.RunId, version.Artifact));
        Assert.Equal(Hashing.Sha256(Encoding.UTF8.GetBytes("first bundle")), version.Sha256);
        Assert.Equal("alice", version.CreatedBy);
        AssertUtcBetween(version.CreatedAt, before, DateTimeOffset.UtcNow);
        Assert.Equal(version, await store.Registry.FindVersionAsync("titanic", 1, Ct));
    }

    [Fact]
    public async Task RegisterVersion_SeveralTimes_NumbersIncreasePerModel()
    {
        var store = await NewStore();

        var numbers = new[] { await RegisterNew(store, "titanic"), await RegisterNew(store, "titanic"), await RegisterNew(store, "upsell"), await RegisterNew(store, "titanic") }
            .Select(version => version.Reference);

        Assert.Equal(["titanic:1", "titanic:2", "upsell:1", "titanic:3"], numbers);
    }

    [Fact]
    public async Task RegisterVersion_UnknownRun_ThrowsNotFoundNamingTheRunAndStore()
    {
        var store = await NewStore();
        var missing = new string('d', 32);

        var exception = await FailsAsync(ErrorKind.NotFound, () => store.Registry.RegisterVersionAsync("titanic", missing, RunArtifact.ModelBundle, StoreChanges.ByTester, Ct));

        Assert.Contains(missing, exception.Message, StringComparison.Ordinal);
        Assert.Contains(store.DisplayUri, exception.Message, StringComparison.Ordinal);
        Assert.Null(await store.Registry.FindModelAsync("titanic", Ct));
    }

    [Fact]
    public async Task RegisterVersion_UnknownArtifact_ThrowsNotFoundNamingTheArtifact()
    {
        var store = await NewStore();
        var run = await CreateModelRun(store);

        var exception = await FailsAsync(ErrorKind.NotFound, () => store.Registry.RegisterVersionAsync("titanic", run.Id, "missing.gwb", StoreChanges.ByTester, Ct));

        Assert.Contains("missing.gwb", exception.Message, StringComparison.Ordinal);
        Assert.Empty(await store.Registry.ListVersionsAsync("titanic", Ct));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("-leading-dash")]
    [InlineData("a/b")]
    [InlineData("name@alias")]
    public async Task RegisterVersion_InvalidModelName_ThrowsInvalidInputNamingTheName(string name)
    {
        var store = await NewStore();
        var run = await CreateModelRun(store);

        var exception = await FailsAsync(ErrorKind.InvalidInput, () => store.Registry.RegisterVersionAsync(name, run.Id, RunArtifact.ModelBundle, StoreChanges.ByTester, Ct));

        Assert.Contains($"'{name}'", exception.Message, StringComparison.Ordinal);
        Assert.Empty(await store.Registry.ListModelsAsync(Ct));
    }

    [Fact]
    public async Task ReadVersionArtifact_RegisteredVersion_ReturnsTheArtifactBytes()
    {
        var store = await NewStore();
        await RegisterNew(store, "titanic", "one");
        await RegisterNew(store, "titanic", "two");

        Assert.Equal("one"u8.ToArray(), await store.Registry.ReadVersionArtifactAsync("titanic", 1, Ct));
        Assert.Equal("two"u8.ToArray(), await store.Registry.ReadVersionArtifactAsync("titanic", 2, Ct));
    }

    [Fact]
    public async Task ReadVersionArtifact_UnknownVersion_ThrowsNotFoundNamingTheVersion()
    {
        var store = await NewStore();
        await RegisterNew(store, "titanic");

        var exception = await FailsAsync(ErrorKind.NotFound, () => store.Registry.ReadVersionArtifactAsync("titanic", 7, Ct));

        Assert.Contains("titanic", exception.Message, StringComparison.Ordinal);
        Assert.Contains("7", exception.Message, StringComparison.Ordinal);
        Assert.Contains(store.DisplayUri, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindVersion_UnknownModelOrVersion_ReturnsNull()
    {
        var store = await NewStore();
        await RegisterNew(store, "titanic");

        Assert.Null(await store.Registry.FindVersionAsync("titanic", 2, Ct));
        Assert.Null(await store.Registry.FindVersionAsync("upsell", 1, Ct));
    }

    [Fact]
    public async Task ListVersions_SeveralVersions_NewestFirstAndEmptyForUnknownModel()
    {
        var store = await NewStore();
        await RegisterNew(store, "titanic");
        await RegisterNew(store, "titanic");
        await RegisterNew(store, "titanic");

        Assert.Equal([3, 2, 1], (await store.Registry.ListVersionsAsync("titanic", Ct)).Select(version => version.Version));
        Assert.Empty(await store.Registry.ListVersionsAsync("upsell", Ct));
    }

    [Fact]
    public async Task ListModels_SeveralModels_ByNameWithLatestVersionAndAliases()
    {
        var store = await NewStore();
        var before = DateTimeOffset.UtcNow;
        await RegisterNew(store, "upsell");
        var firstTitanic = await RegisterNew(store, "titanic");
        await RegisterNew(store, "titanic");
        await store.Registry.SetAliasAsync("titanic", "champion", 1, StoreChanges.ByTester, Ct);
        await store.Registry.SetAliasAsync("titanic", "challenger", 2, StoreChanges.ByTester, Ct);

        var models = await store.Registry.ListModelsAsync(Ct);

        Assert.Equal(["titanic", "upsell"], models.Select(model => model.Name));
        Assert.Equal(2, models[0].LatestVersion);
        Assert.Equal([new("challenger", 2), new("champion", 1)], Sorted(models[0].Aliases));
        Assert.Equal(firstTitanic.CreatedAt, models[0].CreatedAt);
        Assert.Empty(models[1].Aliases);
        AssertUtcBetween(models[1].CreatedAt, before, DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task FindModel_RegisteredOrUnknown_ReturnsModelOrNull()
    {
        var store = await NewStore();
        await RegisterNew(store, "titanic");
        await RegisterNew(store, "titanic");

        var model = await store.Registry.FindModelAsync("titanic", Ct);

        Assert.Equal(("titanic", 2), (model?.Name, model?.LatestVersion));
        Assert.Null(await store.Registry.FindModelAsync("upsell", Ct));
    }
}
