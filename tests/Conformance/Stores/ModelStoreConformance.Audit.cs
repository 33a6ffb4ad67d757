using Gangway.Stores;

namespace Gangway.Tests.Conformance.Stores;

public abstract partial class ModelStoreConformance
{
    private static readonly Change Noted = StoreChanges.By("carol", "weekly retrain", "forced", "true", "gate", "auc 0.81 < 0.82");

    private static void AssertAudited(AuditEntry entry, string action, string subject)
    {
        Assert.Equal((action, subject), (entry.Action, entry.Subject));
        Assert.Equal(("carol", "weekly retrain"), (entry.Actor, entry.Reason));
        var notes = Details(entry).GetProperty("notes");
        Assert.Equal("true", notes.GetProperty("forced").GetString());
        Assert.Equal("auc 0.81 < 0.82", notes.GetProperty("gate").GetString());
    }

    [Fact]
    public void CreateRun_Audited_WithActorReasonAndNotes()
    {
        var store = NewStore();
        var before = DateTimeOffset.UtcNow;

        var run = store.CreateRun(NewRunBuilder.WithModel().Build(), Noted);

        var entry = LatestAudit(store);
        AssertAudited(entry, AuditActions.RunCreated, run.Id);
        AssertUtcBetween(entry.At, before, DateTimeOffset.UtcNow);
    }

    [Fact]
    public void UpdateRun_Audited_WithActorReasonAndNotes()
    {
        var store = NewStore();
        var run = CreateModelRun(store);

        store.UpdateRun(run.Id, new RunUpdate(RunStatus.Finished, null, new Dictionary<string, double> { ["auc"] = 1 }, new Dictionary<string, string>()), Noted);

        AssertAudited(LatestAudit(store), AuditActions.RunUpdated, run.Id);
    }

    [Fact]
    public void RegisterVersion_Audited_WithActorReasonAndNotes()
    {
        var store = NewStore();
        var run = CreateModelRun(store);

        store.RegisterVersion("titanic", run.Id, RunArtifact.ModelBundle, Noted);

        var entry = LatestAudit(store);
        AssertAudited(entry, AuditActions.VersionRegistered, "titanic:1");
        Assert.Contains(run.Id, entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public void SetAlias_Audited_WithFromAndTo()
    {
        var store = WithVersions(NewStore(), "titanic", 2);
        store.SetAlias("titanic", "champion", 1, StoreChanges.ByTester);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, Details(LatestAudit(store)).GetProperty("from").ValueKind);

        store.SetAlias("titanic", "champion", 2, Noted);

        var entry = LatestAudit(store);
        AssertAudited(entry, AuditActions.AliasSet, "titanic@champion");
        Assert.Equal((1, 2), (Details(entry).GetProperty("from").GetInt32(), Details(entry).GetProperty("to").GetInt32()));
    }

    [Fact]
    public void RollbackAlias_Audited_WithFromAndTo()
    {
        var store = WithVersions(NewStore(), "titanic", 2);
        store.SetAlias("titanic", "champion", 1, StoreChanges.ByTester);
        store.SetAlias("titanic", "champion", 2, StoreChanges.ByTester);

        store.RollbackAlias("titanic", "champion", Noted);

        var entry = LatestAudit(store);
        AssertAudited(entry, AuditActions.AliasRolledBack, "titanic@champion");
        Assert.Equal((2, 1), (Details(entry).GetProperty("from").GetInt32(), Details(entry).GetProperty("to").GetInt32()));
    }

    [Fact]
    public void ListAudit_EveryWrite_OneEntryEachNewestFirstWithIncreasingIds()
    {
        var store = NewStore();
        var run = CreateModelRun(store);
        store.UpdateRun(run.Id, new RunUpdate(RunStatus.Finished, null, new Dictionary<string, double>(), new Dictionary<string, string>()), StoreChanges.ByTester);
        store.RegisterVersion("titanic", run.Id, RunArtifact.ModelBundle, StoreChanges.ByTester);
        store.SetAlias("titanic", "champion", 1, StoreChanges.ByTester);

        var entries = store.ListAudit(new AuditQuery());

        Assert.Equal(
            [AuditActions.AliasSet, AuditActions.VersionRegistered, AuditActions.RunUpdated, AuditActions.RunCreated],
            entries.Select(entry => entry.Action));
        Assert.Equal(entries.Select(entry => entry.Id).OrderDescending(), entries.Select(entry => entry.Id));
        Assert.Equal(entries.Count, entries.Select(entry => entry.Id).Distinct().Count());
        Assert.All(entries, entry => Assert.Equal(("tester", (string?)null), (entry.Actor, entry.Reason)));
        Assert.Equal([AuditActions.AliasSet, AuditActions.VersionRegistered], store.ListAudit(new AuditQuery(Limit: 2)).Select(entry => entry.Action));
    }

    [Fact]
    public void ListAudit_Model_ReturnsOnlyThatModelsVersionsAndAliases()
    {
        var store = WithVersions(NewStore(), "titanic", 1);
        WithVersions(store, "titanic.v2", 1);
        store.SetAlias("titanic", "champion", 1, StoreChanges.ByTester);
        store.SetAlias("titanic.v2", "champion", 1, StoreChanges.ByTester);

        var entries = store.ListAudit(new AuditQuery(Model: "titanic"));

        Assert.Equal(["titanic@champion", "titanic:1"], entries.Select(entry => entry.Subject));
    }

    [Fact]
    public void RegisterVersion_Refused_LeavesNoAuditEntry()
    {
        var store = NewStore();
        var run = CreateModelRun(store);
        var before = store.ListAudit(new AuditQuery());

        Fails(ErrorKind.NotFound, () => store.RegisterVersion("titanic", run.Id, "other.gwb", StoreChanges.ByTester));
        Fails(ErrorKind.NotFound, () => store.UpdateRun(new string('e', 32), new RunUpdate(RunStatus.Finished, null, new Dictionary<string, double>(), new Dictionary<string, string>()), StoreChanges.ByTester));

        Assert.Equal(before, store.ListAudit(new AuditQuery()));
    }
}
