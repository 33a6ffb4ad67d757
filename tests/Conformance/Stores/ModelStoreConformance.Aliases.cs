using Gangway.Stores;

namespace Gangway.Tests.Conformance.Stores;

public abstract partial class ModelStoreConformance
{
    private static IModelStore WithVersions(IModelStore store, string model, int count)
    {
        for (var i = 0; i < count; i++)
        {
            RegisterNew(store, model);
        }

        return store;
    }

    [Fact]
    public void SetAlias_NewAlias_RecordsASetWithoutPreviousVersion()
    {
        var store = WithVersions(NewStore(), "titanic", 2);
        var before = DateTimeOffset.UtcNow;

        var change = store.SetAlias("titanic", "champion", 2, new Change("alice", "better auc"));

        Assert.Equal(("titanic", "champion", 2, (int?)null, AliasChange.Set), (change.Model, change.Alias, change.Version, change.PreviousVersion, change.Kind));
        Assert.Equal(("alice", "better auc"), (change.Actor, change.Reason));
        AssertUtcBetween(change.ChangedAt, before, DateTimeOffset.UtcNow);
        Assert.Equal(2, store.ResolveAlias("titanic", "champion"));
        Assert.Equal([change], store.AliasHistory("titanic"));
    }

    [Fact]
    public void SetAlias_ExistingAlias_RecordsThePreviousVersionAndMovesTheAlias()
    {
        var store = WithVersions(NewStore(), "titanic", 2);
        store.SetAlias("titanic", "champion", 1, StoreChanges.ByTester);

        var change = store.SetAlias("titanic", "champion", 2, StoreChanges.ByTester);

        Assert.Equal((2, (int?)1), (change.Version, change.PreviousVersion));
        Assert.Equal(2, store.ResolveAlias("titanic", "champion"));
    }

    [Fact]
    public void SetAlias_UnknownVersionOrModel_ThrowsNotFound()
    {
        var store = WithVersions(NewStore(), "titanic", 1);

        var exception = Fails(ErrorKind.NotFound, () => store.SetAlias("titanic", "champion", 5, StoreChanges.ByTester));
        Fails(ErrorKind.NotFound, () => store.SetAlias("upsell", "champion", 1, StoreChanges.ByTester));

        Assert.Contains("5", exception.Message, StringComparison.Ordinal);
        Assert.Contains("titanic", exception.Message, StringComparison.Ordinal);
        Assert.Null(store.ResolveAlias("titanic", "champion"));
        Assert.Empty(store.AliasHistory("titanic"));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("")]
    [InlineData("_leading")]
    public void SetAlias_InvalidAliasName_ThrowsInvalidInputNamingTheName(string alias)
    {
        var store = WithVersions(NewStore(), "titanic", 1);

        var exception = Fails(ErrorKind.InvalidInput, () => store.SetAlias("titanic", alias, 1, StoreChanges.ByTester));

        Assert.Contains($"'{alias}'", exception.Message, StringComparison.Ordinal);
        Assert.Empty(store.AliasHistory("titanic"));
    }

    [Fact]
    public void ResolveAlias_UnknownAliasOrModel_ReturnsNull()
    {
        var store = WithVersions(NewStore(), "titanic", 1);
        store.SetAlias("titanic", "champion", 1, StoreChanges.ByTester);

        Assert.Null(store.ResolveAlias("titanic", "challenger"));
        Assert.Null(store.ResolveAlias("upsell", "champion"));
    }

    [Fact]
    public void AliasHistory_SeveralAliases_OldestFirstAndFilteredByAlias()
    {
        var store = WithVersions(NewStore(), "titanic", 3);
        WithVersions(store, "upsell", 1);
        store.SetAlias("titanic", "champion", 1, StoreChanges.ByTester);
        store.SetAlias("titanic", "challenger", 2, StoreChanges.ByTester);
        store.SetAlias("titanic", "champion", 3, StoreChanges.ByTester);
        store.SetAlias("upsell", "champion", 1, StoreChanges.ByTester);

        Assert.Equal(["champion:1", "challenger:2", "champion:3"], store.AliasHistory("titanic").Select(c => $"{c.Alias}:{c.Version}"));
        Assert.Equal([1, 3], store.AliasHistory("titanic", "champion").Select(c => c.Version));
        Assert.Empty(store.AliasHistory("churn"));
    }

    [Fact]
    public void RollbackAlias_AfterThreeSets_PopsOneVersionAtATimeThenFails()
    {
        var store = WithVersions(NewStore(), "titanic", 3);
        foreach (var version in new[] { 1, 2, 3 })
        {
            store.SetAlias("titanic", "champion", version, StoreChanges.ByTester);
        }

        var first = store.RollbackAlias("titanic", "champion", StoreChanges.ByTester);
        var second = store.RollbackAlias("titanic", "champion", StoreChanges.ByTester);
        var exception = Fails(ErrorKind.InvalidInput, () => store.RollbackAlias("titanic", "champion", StoreChanges.ByTester));

        Assert.Equal((2, (int?)3, AliasChange.Rollback), (first.Version, first.PreviousVersion, first.Kind));
        Assert.Equal((1, (int?)2, AliasChange.Rollback), (second.Version, second.PreviousVersion, second.Kind));
        Assert.Contains("has no earlier version", exception.Message, StringComparison.Ordinal);
        Assert.Contains("champion", exception.Message, StringComparison.Ordinal);
        Assert.Equal(1, store.ResolveAlias("titanic", "champion"));
        Assert.Equal(5, store.AliasHistory("titanic", "champion").Count);
    }

    [Fact]
    public void RollbackAlias_SetAfterRollback_GoesBackToTheVersionBeforeTheSet()
    {
        var store = WithVersions(NewStore(), "titanic", 3);
        store.SetAlias("titanic", "champion", 1, StoreChanges.ByTester);
        store.SetAlias("titanic", "champion", 2, StoreChanges.ByTester);
        store.RollbackAlias("titanic", "champion", StoreChanges.ByTester);
        store.SetAlias("titanic", "champion", 3, StoreChanges.ByTester);

        var change = store.RollbackAlias("titanic", "champion", new Change("bob", "regression"));

        Assert.Equal((1, (int?)3), (change.Version, change.PreviousVersion));
        Assert.Equal(("bob", "regression"), (change.Actor, change.Reason));
        Assert.Equal(1, store.ResolveAlias("titanic", "champion"));
        Fails(ErrorKind.InvalidInput, () => store.RollbackAlias("titanic", "champion", StoreChanges.ByTester));
    }

    [Fact]
    public void RollbackAlias_OtherAliasChanges_DoNotAffectTheStack()
    {
        var store = WithVersions(NewStore(), "titanic", 3);
        store.SetAlias("titanic", "champion", 1, StoreChanges.ByTester);
        store.SetAlias("titanic", "challenger", 3, StoreChanges.ByTester);
        store.SetAlias("titanic", "champion", 2, StoreChanges.ByTester);
        store.SetAlias("titanic", "challenger", 2, StoreChanges.ByTester);

        Assert.Equal(1, store.RollbackAlias("titanic", "champion", StoreChanges.ByTester).Version);
        Assert.Equal(3, store.RollbackAlias("titanic", "challenger", StoreChanges.ByTester).Version);
    }

    [Fact]
    public void RollbackAlias_UnknownAlias_ThrowsNotFoundNamingTheAlias()
    {
        var store = WithVersions(NewStore(), "titanic", 1);

        var exception = Fails(ErrorKind.NotFound, () => store.RollbackAlias("titanic", "champion", StoreChanges.ByTester));
        Fails(ErrorKind.NotFound, () => store.RollbackAlias("upsell", "champion", StoreChanges.ByTester));

        Assert.Contains("champion", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RollbackAlias_Refused_ChangesNothing()
    {
        var store = WithVersions(NewStore(), "titanic", 1);
        store.SetAlias("titanic", "champion", 1, StoreChanges.ByTester);
        var auditBefore = store.ListAudit(new AuditQuery()).Count;

        Fails(ErrorKind.InvalidInput, () => store.RollbackAlias("titanic", "champion", StoreChanges.ByTester));

        Assert.Single(store.AliasHistory("titanic"));
        Assert.Equal(auditBefore, store.ListAudit(new AuditQuery()).Count);
        Assert.Equal(1, store.ResolveAlias("titanic", "champion"));
    }
}
