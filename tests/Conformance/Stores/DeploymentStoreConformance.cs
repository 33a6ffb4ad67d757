using Gangway.Deployment;
using Gangway.Stores;

namespace Gangway.Tests.Conformance.Stores;

/// <summary>The behaviour every <see cref="IDeploymentStore"/> must have: numbered revisions per model, the newest current, audited.</summary>
public abstract class DeploymentStoreConformance(StoreTarget target) : StoreConformance(target)
{
    [Fact]
    public async Task Apply_FirstTime_IsRevisionOneWithTimeActorReasonAndYaml()
    {
        var store = await NewStore();
        var spec = Spec("titanic", challengerWeight: 10);
        var before = DateTimeOffset.UtcNow;

        var revision = await store.Deployments.ApplyAsync(spec, new Change("alice", "canary"), Ct);

        Assert.Equal(("titanic", 1, "alice", "canary"), (revision.Model, revision.Revision, revision.Actor, revision.Reason));
        AssertUtcBetween(revision.AppliedAt, before, DateTimeOffset.UtcNow);
        Assert.Equal(DeploymentSpecWriter.ToYaml(spec), revision.Yaml);
        Assert.Equal(spec, revision.Spec);
        Assert.Equal(revision, await store.Deployments.GetAsync("titanic", Ct));
    }

    [Fact]
    public async Task Apply_Again_NextRevisionIsCurrentAndHistoryIsNewestFirst()
    {
        var store = await NewStore();
        await store.Deployments.ApplyAsync(Spec("titanic", challengerWeight: 10), StoreChanges.ByTester, Ct);
        await store.Deployments.ApplyAsync(Spec("upsell", challengerWeight: 50), StoreChanges.ByTester, Ct);

        var second = await store.Deployments.ApplyAsync(Spec("titanic", challengerWeight: 20), StoreChanges.ByTester, Ct);

        Assert.Equal(2, second.Revision);
        var current = await store.Deployments.GetAsync("titanic", Ct);
        Assert.Equal(20, current!.Spec.FindVariant("challenger")!.Weight);
        Assert.Equal([2, 1], (await store.Deployments.HistoryAsync("titanic", Ct)).Select(r => r.Revision));
        Assert.Equal([1], (await store.Deployments.HistoryAsync("upsell", Ct)).Select(r => r.Revision));
    }

    [Fact]
    public async Task GetAndHistory_NoDeployment_AreNullAndEmpty()
    {
        var store = await NewStore();

        Assert.Null(await store.Deployments.GetAsync("titanic", Ct));
        Assert.Empty(await store.Deployments.HistoryAsync("titanic", Ct));
        Assert.Empty(await store.Deployments.ListAsync(Ct));
    }

    [Fact]
    public async Task List_GivesTheCurrentRevisionOfEachModelByName()
    {
        var store = await NewStore();
        await store.Deployments.ApplyAsync(Spec("upsell", challengerWeight: 50), StoreChanges.ByTester, Ct);
        await store.Deployments.ApplyAsync(Spec("titanic", challengerWeight: 10), StoreChanges.ByTester, Ct);
        await store.Deployments.ApplyAsync(Spec("titanic", challengerWeight: 30), StoreChanges.ByTester, Ct);

        var all = await store.Deployments.ListAsync(Ct);

        Assert.Equal([("titanic", 2, 30.0), ("upsell", 1, 50.0)], all.Select(r => (r.Model, r.Revision, r.Spec.FindVariant("challenger")!.Weight)));
    }

    [Fact]
    public async Task Apply_AppendsAnAuditEntryWithTheRevisionsAndTheYaml()
    {
        var store = await NewStore();
        await store.Deployments.ApplyAsync(Spec("titanic", challengerWeight: 10), StoreChanges.ByTester, Ct);

        var second = await store.Deployments.ApplyAsync(Spec("titanic", challengerWeight: 20), StoreChanges.By("bob", "more traffic", "ticket", "42"), Ct);

        var entry = await LatestAudit(store);
        Assert.Equal(("bob", AuditActions.DeploymentApplied, "deployment:titanic", "more traffic"), (entry.Actor, entry.Action, entry.Subject, entry.Reason));
        var details = Details(entry);
        Assert.Equal((1, 2), (details.GetProperty("from").GetInt32(), details.GetProperty("to").GetInt32()));
        Assert.Equal(second.Yaml, details.GetProperty("yaml").GetString());
        Assert.Equal("42", details.GetProperty("notes").GetProperty("ticket").GetString());
        Assert.Contains(entry, await store.Registry.ListAuditAsync(new AuditQuery(Model: "titanic"), Ct));
    }

    [Fact]
    public async Task Apply_SeenThroughASecondConnection()
    {
        var store = await NewStore();
        var applied = await store.Deployments.ApplyAsync(Spec("titanic", challengerWeight: 10), StoreChanges.ByTester, Ct);

        var second = await SecondConnection(store);

        Assert.Equal(applied, await second.Deployments.GetAsync("titanic", Ct));
    }

    [Fact]
    public async Task Apply_ConcurrentlyFromTwoConnections_NeverReusesARevision()
    {
        var store = await NewStore();
        var other = await SecondConnection(store);
        async Task ApplyFive(IStore on)
        {
            for (var i = 0; i < 5; i++)
            {
                await on.Deployments.ApplyAsync(Spec("titanic", challengerWeight: i), StoreChanges.ByTester, Ct);
            }
        }

        OnTwoThreads(() => ApplyFive(store), () => ApplyFive(other));

        Assert.Equal(Enumerable.Range(1, 10).Reverse(), (await store.Deployments.HistoryAsync("titanic", Ct)).Select(r => r.Revision));
    }

    /// <summary>A deployment with a champion, a challenger of the given weight, a shadow, a sticky field and both rules.</summary>
    protected static DeploymentSpec Spec(string model, double challengerWeight) => DeploymentSpecReader.Parse($$"""
        model: {{model}}
        variants:
          - { name: champion, model: {{model}}@champion, weight: 80 }
          - { name: challenger, model: "{{model}}:2", weight: {{challengerWeight}} }
        shadow: [ { name: candidate, model: "{{model}}:3" } ]
        sticky: { field: PassengerId }
        promote_when: { metric: log_loss, margin: 0.01, decide: report }
        rollback_when: { metric: log_loss, margin: 0.05, min_labelled: 50 }
        """);
}
