using Gangway.Stores;

namespace Gangway.Tests.Conformance.Stores;

public abstract partial class ModelRegistryConformance
{
    [Fact]
    public async Task SetAlias_NewAlias_RecordsASetWithoutPreviousVersion()
    {
        var store = await WithVersions(NewStore(), "titanic", 2);
        var before = DateTimeOffset.UtcNow;

        var change = await store.Registry.SetAliasAsync("titanic", "champion", 2, new Change("alice", "better auc"), Ct);

        Assert.Equal(("titanic", "champion", 2, (int?)null, AliasChange.Set), (change.Model, change.Alias, change.Version, change.PreviousVersion, change.Kind));
        Assert.Equal(("alice", "better auc"), (change.Actor, change.Reason));
        AssertUtcBetween(change.ChangedAt, before, DateTimeOffset.UtcNow);
        Assert.Equal(2, await store.Registry.ResolveAliasAsync("titanic", "champion", Ct));
        Assert.Equal([change], await store.Registry.AliasHistoryAsync("titanic", null, Ct));
    }

    [Fact]
    public async Task SetAlias_ExistingAlias_RecordsThePreviousVersionAndMovesTheAlias()
    {
        var store = await WithVersions(NewStore(), "titanic", 2);
        await store.Registry.SetAliasAsync("titanic", "champion", 1, StoreChanges.ByTester, Ct);

        var change = await store.Registry.SetAliasAsync("titanic", "champion", 2, StoreChanges.ByTester, Ct);

        Assert.Equal((2, (int?)1), (change.Version, change.PreviousVersion));
        Assert.Equal(2, await store.Registry.ResolveAliasAsync("titanic", "champion", Ct));
    }

    [Fact]
    public async Task SetAlias_UnknownVersionOrModel_ThrowsNotFound()
    {
        var store = await WithVersions(NewStore(), "titanic", 1);

        var exception = await FailsAsync(ErrorKind.NotFound, () => store.Registry.SetAliasAsync("titanic", "champion", 5, StoreChanges.ByTester, Ct));
        await FailsAsync(ErrorKind.NotFound, () => store.Registry.SetAliasAsync("upsell", "champion", 1, StoreChanges.ByTester, Ct));

        Assert.Contains("5", exception.Message, StringComparison.Ordinal);
        Assert.Contains("titanic", exception.Message, StringComparison.Ordinal);
        Assert.Null(await store.Registry.ResolveAliasAsync("titanic", "champion", Ct));
        Assert.Empty(await store.Registry.AliasHistoryAsync("titanic", null, Ct));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("")]
    [InlineData("_leading")]
    public async Task SetAlias_InvalidAliasName_ThrowsInvalidInputNamingTheName(string alias)
    {
        var store = await WithVersions(NewStore(), "titanic", 1);

        var exception = await FailsAsync(ErrorKind.InvalidInput, () => store.Registry.SetAliasAsync("titanic", alias, 1, StoreChanges.ByTester, Ct));

        Assert.Contains($"'{alias}'", exception.Message, StringComparison.Ordinal);
        Assert.Empty(await store.Registry.AliasHistoryAsync("titanic", null, Ct));
    }

    [Fact]
    public async Task ResolveAlias_UnknownAliasOrModel_ReturnsNull()
    {
        var store = await WithVersions(NewStore(), "titanic", 1);
        await store.Registry.SetAliasAsync("titanic", "champion", 1, StoreChanges.ByTester, Ct);

        Assert.Null(await store.Registry.ResolveAliasAsync("titanic", "challenger", Ct));
        Assert.Null(await store.Registry.ResolveAliasAsync("upsell", "champion", Ct));
    }

    [Fact]
    public async Task AliasHistory_SeveralAliases_OldestFirstAndFilteredByAlias()
    {
        var store = await WithVersions(NewStore(), "titanic", 3);
        await WithVersions(Task.FromResult(store), "upsell", 1);
        await store.Registry.SetAliasAsync("titanic", "champion", 1, StoreChanges.ByTester, Ct);
        await store.Registry.SetAliasAsync("titanic", "challenger", 2, StoreChanges.ByTester, Ct);
        await store.Registry.SetAliasAsync("titanic", "champion", 3, StoreChanges.ByTester, Ct);
        await store.Registry.SetAliasAsync("upsell", "champion", 1, StoreChanges.ByTester, Ct);

        Assert.Equal(["champion:1", "challenger:2", "champion:3"], (await store.Registry.AliasHistoryAsync("titanic", null, Ct)).Select(c => $"{c.Alias}:{c.Version}"));
        Assert.Equal([1, 3], (await store.Registry.AliasHistoryAsync("titanic", "champion", Ct)).Select(c => c.Version));
        Assert.Empty(await store.Registry.AliasHistoryAsync("churn", null, Ct));
    }

    [Fact]
    public async Task RollbackAlias_AfterThreeSets_PopsOneVersionAtATimeThenFails()
    {
        var store = await WithVersions(NewStore(), "titanic", 3);
        foreach (var version in new[] { 1, 2, 3 })
        {
            await store.Registry.SetAliasAsync("titanic", "champion", version, StoreChanges.ByTester, Ct);
        }

        var first = await store.Registry.RollbackAliasAsync("titanic", "champion", StoreChanges.ByTester, Ct);
        var second = await store.Registry.RollbackAliasAsync("titanic", "champion", StoreChanges.ByTester, Ct);
        var exception = await FailsAsync(ErrorKind.InvalidInput, () => store.Registry.RollbackAliasAsync("titanic", "champion", StoreChanges.ByTester, Ct));

        Assert.Equal((2, (int?)3, AliasChange.Rollback), (first.Version, first.PreviousVersion, first.Kind));
        Assert.Equal((1, (int?)2, AliasChange.Rollback), (second.Version, second.PreviousVersion, second.Kind));
        Assert.Contains("has no earlier version", exception.Message, StringComparison.Ordinal);
        Assert.Contains("champion", exception.Message, StringComparison.Ordinal);
        Assert.Equal(1, await store.Registry.ResolveAliasAsync("titanic", "champion", Ct));
        Assert.Equal(5, (await store.Registry.AliasHistoryAsync("titanic", "champion", Ct)).Count);
    }

    [Fact]
    public async Task RollbackAlias_SetAfterRollback_GoesBackToTheVersionBeforeTheSet()
    {
        var store = await WithVersions(NewStore(), "titanic", 3);
        await store.Registry.SetAliasAsync("titanic", "champion", 1, StoreChanges.ByTester, Ct);
        await store.Registry.SetAliasAsync("titanic", "champion", 2, StoreChanges.ByTester, Ct);
        await store.Registry.RollbackAliasAsync("titanic", "champion", StoreChanges.ByTester, Ct);
        await store.Registry.SetAliasAsync("titanic", "champion", 3, StoreChanges.ByTester, Ct);

        var change = await store.Registry.RollbackAliasAsync("titanic", "champion", new Change("bob", "regression"), Ct);

        Assert.Equal((1, (int?)3), (change.Version, change.PreviousVersion));
        Assert.Equal(("bob", "regression"), (change.Actor, change.Reason));
        Assert.Equal(1, await store.Registry.ResolveAliasAsync("titanic", "champion", Ct));
        await FailsAsync(ErrorKind.InvalidInput, () => store.Registry.RollbackAliasAsync("titanic", "champion", StoreChanges.ByTester, Ct));
    }

    [Fact]
    public async Task RollbackAlias_OtherAliasChanges_DoNotAffectTheStack()
    {
        var store = await WithVersions(NewStore(), "titanic", 3);
        await store.Registry.SetAliasAsync("titanic", "champion", 1, StoreChanges.ByTester, Ct);
        await store.Registry.SetAliasAsync("titanic", "challenger", 3, StoreChanges.ByTester, Ct);
        await store.Registry.SetAliasAsync("titanic", "champion", 2, StoreChanges.ByTester, Ct);
        await store.Registry.SetAliasAsync("titanic", "challenger", 2, StoreChanges.ByTester, Ct);

        Assert.Equal(1, (await store.Registry.RollbackAliasAsync("titanic", "champion", StoreChanges.ByTester, Ct)).Version);
        Assert.Equal(3, (await store.Registry.RollbackAliasAsync("titanic", "challenger", StoreChanges.ByTester, Ct)).Version);
    }

    [Fact]
    public async Task RollbackAlias_UnknownAlias_ThrowsNotFoundNamingTheAlias()
    {
        var store = await WithVersions(NewStore(), "titanic", 1);

        var exception = await FailsAsync(ErrorKind.NotFound, () => store.Registry.RollbackAliasAsync("titanic", "champion", StoreChanges.ByTester, Ct));
        await FailsAsync(ErrorKind.NotFound, () => store.Registry.RollbackAliasAsync("upsell", "champion", StoreChanges.ByTester, Ct));

        Assert.Contains("champion", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RollbackAlias_Refused_ChangesNothing()
    {
        var store = await WithVersions(NewStore(), "titanic", 1);
        await store.Registry.SetAliasAsync("titanic", "champion", 1, StoreChanges.ByTester, Ct);
        var auditBefore = (await store.Registry.ListAuditAsync(new AuditQuery(), Ct)).Count;

        await FailsAsync(ErrorKind.InvalidInput, () => store.Registry.RollbackAliasAsync("titanic", "champion", StoreChanges.ByTester, Ct));

        Assert.Single(await store.Registry.AliasHistoryAsync("titanic", null, Ct));
        Assert.Equal(auditBefore, (await store.Registry.ListAuditAsync(new AuditQuery(), Ct)).Count);
        Assert.Equal(1, await store.Registry.ResolveAliasAsync("titanic", "champion", Ct));
    }
}
