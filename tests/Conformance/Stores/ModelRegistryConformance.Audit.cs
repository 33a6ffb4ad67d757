using Gangway.Stores;

namespace Gangway.Tests.Conformance.Stores;

public abstract partial class ModelRegistryConformance
{
    protected static readonly Change Noted = StoreChanges.By("carol", "weekly retrain", "forced", "true", "gate", "auc 0.81 < 0.82");

    protected static void AssertAudited(AuditEntry entry, string action, string subject)
    {
        Assert.Equal((action, subject), (entry.Action, entry.Subject));
        Assert.Equal(("carol", "weekly retrain"), (entry.Actor, entry.Reason));
        var notes = Details(entry).GetProperty("notes");
        Assert.Equal("true", notes.GetProperty("forced").GetString());
        Assert.Equal("auc 0.81 < 0.82", notes.GetProperty("gate").GetString());
    }

    [Fact]
    public async Task CreateRun_Audited_WithActorReasonAndNotes()
    {
        var store = await NewStore();
        var before = DateTimeOffset.UtcNow;

        var run = await store.Runs.CreateRunAsync(NewRunBuilder.WithModel().Build(), Noted, Ct);

        var entry = await LatestAudit(store);
        AssertAudited(entry, AuditActions.RunCreated, run.Id);
        AssertUtcBetween(entry.At, before, DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task UpdateRun_Audited_WithActorReasonAndNotes()
    {
        var store = await NewStore();
        var run = await CreateModelRun(store);

        await store.Runs.UpdateRunAsync(run.Id, new RunUpdate(RunStatus.Finished, null, new Dictionary<string, double> { ["auc"] = 1 }, new Dictionary<string, string>()), Noted, Ct);

        AssertAudited(await LatestAudit(store), AuditActions.RunUpdated, run.Id);
    }

    [Fact]
    public async Task RegisterVersion_Audited_WithActorReasonAndNotes()
    {
        var store = await NewStore();
        var run = await CreateModelRun(store);

        await store.Registry.RegisterVersionAsync("titanic", run.Id, RunArtifact.ModelBundle, Noted, Ct);

        var entry = await LatestAudit(store);
        AssertAudited(entry, AuditActions.VersionRegistered, "titanic:1");
        Assert.Contains(run.Id, entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetAlias_Audited_WithFromAndTo()
    {
        var store = await WithVersions(NewStore(), "titanic", 2);
        await store.Registry.SetAliasAsync("titanic", "champion", 1, StoreChanges.ByTester, Ct);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, Details(await LatestAudit(store)).GetProperty("from").ValueKind);

        await store.Registry.SetAliasAsync("titanic", "champion", 2, Noted, Ct);

        var entry = await LatestAudit(store);
        AssertAudited(entry, AuditActions.AliasSet, "titanic@champion");
        Assert.Equal((1, 2), (Details(entry).GetProperty("from").GetInt32(), Details(entry).GetProperty("to").GetInt32()));
    }

    [Fact]
    public async Task RollbackAlias_Audited_WithFromAndTo()
    {
        var store = await WithVersions(NewStore(), "titanic", 2);
        await store.Registry.SetAliasAsync("titanic", "champion", 1, StoreChanges.ByTester, Ct);
        await store.Registry.SetAliasAsync("titanic", "champion", 2, StoreChanges.ByTester, Ct);

        await store.Registry.RollbackAliasAsync("titanic", "champion", Noted, Ct);

        var entry = await LatestAudit(store);
        AssertAudited(entry, AuditActions.AliasRolledBack, "titanic@champion");
        Assert.Equal((2, 1), (Details(entry).GetProperty("from").GetInt32(), Details(entry).GetProperty("to").GetInt32()));
    }

    [Fact]
    public async Task ListAudit_EveryWrite_OneEntryEachNewestFirstWithIncreasingIds()
    {
        var store = await NewStore();
        var run = await CreateModelRun(store);
        await store.Runs.UpdateRunAsync(run.Id, new RunUpdate(RunStatus.Finished, null, new Dictionary<string, double>(), new Dictionary<string, string>()), StoreChanges.ByTester, Ct);
        await store.Registry.RegisterVersionAsync("titanic", run.Id, RunArtifact.ModelBundle, StoreChanges.ByTester, Ct);
        await store.Registry.SetAliasAsync("titanic", "champion", 1, StoreChanges.ByTester, Ct);

        var entries = await store.Registry.ListAuditAsync(new AuditQuery(), Ct);

        Assert.Equal(
            [AuditActions.AliasSet, AuditActions.VersionRegistered, AuditActions.RunUpdated, AuditActions.RunCreated],
            entries.Select(entry => entry.Action));
        Assert.Equal(entries.Select(entry => entry.Id).OrderDescending(), entries.Select(entry => entry.Id));
        Assert.Equal(entries.Count, entries.Select(entry => entry.Id).Distinct().Count());
        Assert.All(entries, entry => Assert.Equal(("tester", (string?)null), (entry.Actor, entry.Reason)));
        Assert.Equal([AuditActions.AliasSet, AuditActions.VersionRegistered], (await store.Registry.ListAuditAsync(new AuditQuery(Limit: 2), Ct)).Select(entry => entry.Action));
    }

    [Fact]
    public async Task ListAudit_Model_ReturnsOnlyThatModelsVersionsAndAliases()
    {
        var store = await WithVersions(NewStore(), "titanic", 1);
        await WithVersions(Task.FromResult(store), "titanic.v2", 1);
        await store.Registry.SetAliasAsync("titanic", "champion", 1, StoreChanges.ByTester, Ct);
        await store.Registry.SetAliasAsync("titanic.v2", "champion", 1, StoreChanges.ByTester, Ct);

        var entries = await store.Registry.ListAuditAsync(new AuditQuery(Model: "titanic"), Ct);

        Assert.Equal(["titanic@champion", "titanic:1"], entries.Select(entry => entry.Subject));
    }

    [Fact]
    public async Task RegisterVersion_Refused_LeavesNoAuditEntry()
    {
        var store = await NewStore();
        var run = await CreateModelRun(store);
        var before = await store.Registry.ListAuditAsync(new AuditQuery(), Ct);

        await FailsAsync(ErrorKind.NotFound, () => store.Registry.RegisterVersionAsync("titanic", run.Id, "other.gwb", StoreChanges.ByTester, Ct));
        await FailsAsync(ErrorKind.NotFound, () => store.Runs.UpdateRunAsync(new string('e', 32), new RunUpdate(RunStatus.Finished, null, new Dictionary<string, double>(), new Dictionary<string, string>()), StoreChanges.ByTester, Ct));

        Assert.Equal(before, await store.Registry.ListAuditAsync(new AuditQuery(), Ct));
    }
}
