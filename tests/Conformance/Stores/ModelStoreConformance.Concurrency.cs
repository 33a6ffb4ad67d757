using Gangway.Stores;

namespace Gangway.Tests.Conformance.Stores;

public abstract partial class ModelStoreConformance
{
    [Fact]
    public void Reopen_SecondConnection_SeesWhatTheFirstWrote()
    {
        var store = NewStore();
        var version = RegisterNew(store, "titanic", "persisted");
        store.SetAlias("titanic", "champion", 1, StoreChanges.ByTester);

        var second = SecondConnection(store);

        Assert.Equal(version, second.FindVersion("titanic", 1));
        Assert.Equal("persisted"u8.ToArray(), second.ReadVersionArtifact("titanic", 1));
        Assert.Equal(1, second.ResolveAlias("titanic", "champion"));
        Assert.Equal(3, second.ListAudit(new AuditQuery()).Count);
    }

    [Fact]
    public void RegisterVersion_TwoConnectionsOnTwoThreads_VersionsOneToFortyNoneLost()
    {
        var first = NewStore();
        var second = SecondConnection(first);
        var run = CreateModelRun(first);
        var registered = new System.Collections.Concurrent.ConcurrentBag<int>();
        void Register(IModelStore store)
        {
            for (var i = 0; i < 20; i++)
            {
                registered.Add(store.RegisterVersion("titanic", run.Id, RunArtifact.ModelBundle, StoreChanges.ByTester).Version);
            }
        }

        OnTwoThreads(() => Register(first), () => Register(second));

        Assert.Equal(Enumerable.Range(1, 40), registered.Order());
        Assert.Equal(Enumerable.Range(1, 40).Reverse(), first.ListVersions("titanic").Select(version => version.Version));
        Assert.Equal(40, first.ListAudit(new AuditQuery(Model: "titanic")).Count);
    }

    [Fact]
    public void CreateRun_TwoConnectionsOnTwoThreads_AllRunsAndAuditEntriesKept()
    {
        var first = NewStore();
        var second = SecondConnection(first);
        void Create(IModelStore store)
        {
            for (var i = 0; i < 20; i++)
            {
                store.CreateRun(NewRunBuilder.WithModel($"bundle {i}").Build(), StoreChanges.ByTester);
            }
        }

        OnTwoThreads(() => Create(first), () => Create(second));

        Assert.Equal(40, first.ListRuns(new RunQuery(Limit: 1000)).Select(run => run.Id).Distinct().Count());
        Assert.Equal(40, second.ListAudit(new AuditQuery(Limit: 1000)).Count);
    }

    [Fact]
    public void SetAlias_TwoConnectionsInterleaved_HistoryIsOneChain()
    {
        var first = WithVersions(NewStore(), "titanic", 2);
        var second = SecondConnection(first);
        void Promote(IModelStore store, int version)
        {
            for (var i = 0; i < 15; i++)
            {
                store.SetAlias("titanic", "champion", version, StoreChanges.ByTester);
            }
        }

        OnTwoThreads(() => Promote(first, 1), () => Promote(second, 2));

        var history = first.AliasHistory("titanic", "champion");
        Assert.Equal(30, history.Count);
        Assert.Null(history[0].PreviousVersion);
        for (var i = 1; i < history.Count; i++)
        {
            Assert.Equal(history[i - 1].Version, history[i].PreviousVersion);
        }

        Assert.Equal(history[^1].Version, second.ResolveAlias("titanic", "champion"));
        Assert.Equal(30, first.ListAudit(new AuditQuery(Model: "titanic")).Count(entry => entry.Action == AuditActions.AliasSet));
    }
}
