using Gangway.Stores;

namespace Gangway.Tests.Conformance.Stores;

public abstract partial class StoreConcurrencyConformance
{
    [Fact]
    public async Task Reopen_SecondConnection_SeesWhatTheFirstWrote()
    {
        var store = await NewStore();
        var version = await RegisterNew(store, "titanic", "persisted");
        await store.Registry.SetAliasAsync("titanic", "champion", 1, StoreChanges.ByTester, Ct);

        var second = (await SecondConnection(store));

        Assert.Equal(version, await second.Registry.FindVersionAsync("titanic", 1, Ct));
        Assert.Equal("persisted"u8.ToArray(), await second.Registry.ReadVersionArtifactAsync("titanic", 1, Ct));
        Assert.Equal(1, await second.Registry.ResolveAliasAsync("titanic", "champion", Ct));
        Assert.Equal(3, (await second.Registry.ListAuditAsync(new AuditQuery(), Ct)).Count);
    }

    [Fact]
    public async Task RegisterVersion_TwoConnectionsOnTwoThreads_VersionsOneToFortyNoneLost()
    {
        var first = await NewStore();
        var second = (await SecondConnection(first));
        var run = await CreateModelRun(first);
        var registered = new System.Collections.Concurrent.ConcurrentBag<int>();
        async Task Register(IStore store)
        {
            for (var i = 0; i < 20; i++)
            {
                registered.Add((await store.Registry.RegisterVersionAsync("titanic", run.Id, RunArtifact.ModelBundle, StoreChanges.ByTester, Ct)).Version);
            }
        }

        OnTwoThreads(() => Register(first), () => Register(second));

        Assert.Equal(Enumerable.Range(1, 40), registered.Order());
        Assert.Equal(Enumerable.Range(1, 40).Reverse(), (await first.Registry.ListVersionsAsync("titanic", Ct)).Select(version => version.Version));
        Assert.Equal(40, (await first.Registry.ListAuditAsync(new AuditQuery(Model: "titanic"), Ct)).Count);
    }

    [Fact]
    public async Task CreateRun_TwoConnectionsOnTwoThreads_AllRunsAndAuditEntriesKept()
    {
        var first = await NewStore();
        var second = (await SecondConnection(first));
        async Task Create(IStore store)
        {
            for (var i = 0; i < 20; i++)
            {
                await store.Runs.CreateRunAsync(NewRunBuilder.WithModel($"bundle {i}").Build(), StoreChanges.ByTester, Ct);
            }
        }

        OnTwoThreads(() => Create(first), () => Create(second));

        Assert.Equal(40, (await first.Runs.ListRunsAsync(new RunQuery(Limit: 1000), Ct)).Select(run => run.Id).Distinct().Count());
        Assert.Equal(40, (await second.Registry.ListAuditAsync(new AuditQuery(Limit: 1000), Ct)).Count);
    }

    [Fact]
    public async Task SetAlias_TwoConnectionsInterleaved_HistoryIsOneChain()
    {
        var first = await WithVersions(NewStore(), "titanic", 2);
        var second = (await SecondConnection(first));
        async Task Promote(IStore store, int version)
        {
            for (var i = 0; i < 15; i++)
            {
                await store.Registry.SetAliasAsync("titanic", "champion", version, StoreChanges.ByTester, Ct);
            }
        }

        OnTwoThreads(() => Promote(first, 1), () => Promote(second, 2));

        var history = await first.Registry.AliasHistoryAsync("titanic", "champion", Ct);
        Assert.Equal(30, history.Count);
        Assert.Null(history[0].PreviousVersion);
        for (var i = 1; i < history.Count; i++)
        {
            Assert.Equal(history[i - 1].Version, history[i].PreviousVersion);
        }

        Assert.Equal(history[^1].Version, await second.Registry.ResolveAliasAsync("titanic", "champion", Ct));
        Assert.Equal(30, (await first.Registry.ListAuditAsync(new AuditQuery(Model: "titanic"), Ct)).Count(entry => entry.Action == AuditActions.AliasSet));
    }
}
