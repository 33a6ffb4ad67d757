using Gangway.Stores;

namespace Gangway.Tests.Conformance.Stores;

public abstract partial class RunStoreConformance
{
    [Fact]
    public async Task ListRuns_DifferentStartTimes_NewestStartFirst()
    {
        var store = await NewStore();
        var middle = await store.Runs.CreateRunAsync(NewRunBuilder.Run().StartedAt(NewRunBuilder.DefaultStart.AddHours(1)).Build(), StoreChanges.ByTester, Ct);
        var oldest = await store.Runs.CreateRunAsync(NewRunBuilder.Run().StartedAt(NewRunBuilder.DefaultStart).Build(), StoreChanges.ByTester, Ct);
        var newest = await store.Runs.CreateRunAsync(NewRunBuilder.Run().StartedAt(NewRunBuilder.DefaultStart.AddHours(2)).Build(), StoreChanges.ByTester, Ct);

        Assert.Equal([newest.Id, middle.Id, oldest.Id], (await store.Runs.ListRunsAsync(new RunQuery(), Ct)).Select(run => run.Id));
    }

    [Fact]
    public async Task ListRuns_EqualStartTimes_LaterRecordedFirst()
    {
        var store = await NewStore();
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add((await store.Runs.CreateRunAsync(NewRunBuilder.Run().Build(), StoreChanges.ByTester, Ct)).Id);
        }

        Assert.Equal(Enumerable.Reverse(ids), (await store.Runs.ListRunsAsync(new RunQuery(), Ct)).Select(run => run.Id));
    }

    [Fact]
    public async Task ListRuns_Experiment_ReturnsOnlyThatExperiment()
    {
        var store = await NewStore();
        var titanic = await store.Runs.CreateRunAsync(NewRunBuilder.Run("titanic").Build(), StoreChanges.ByTester, Ct);
        await store.Runs.CreateRunAsync(NewRunBuilder.Run("upsell").Build(), StoreChanges.ByTester, Ct);

        Assert.Equal([titanic.Id], (await store.Runs.ListRunsAsync(new RunQuery(Experiment: "titanic"), Ct)).Select(run => run.Id));
        Assert.Empty(await store.Runs.ListRunsAsync(new RunQuery(Experiment: "churn"), Ct));
    }

    [Fact]
    public async Task ListRuns_ParentRunId_ReturnsOnlyItsChildren()
    {
        var store = await NewStore();
        var parent = await store.Runs.CreateRunAsync(NewRunBuilder.Run().Build(), StoreChanges.ByTester, Ct);
        var child = await store.Runs.CreateRunAsync(NewRunBuilder.Run().ChildOf(parent.Id).Named("fold 1").Build(), StoreChanges.ByTester, Ct);
        var other = await store.Runs.CreateRunAsync(NewRunBuilder.Run().Build(), StoreChanges.ByTester, Ct);
        await store.Runs.CreateRunAsync(NewRunBuilder.Run().ChildOf(other.Id).Build(), StoreChanges.ByTester, Ct);

        var children = await store.Runs.ListRunsAsync(new RunQuery(ParentRunId: parent.Id), Ct);

        Assert.Equal([child.Id], children.Select(run => run.Id));
        Assert.Equal("fold 1", children[0].Name);
        Assert.Equal(4, (await store.Runs.ListRunsAsync(new RunQuery(), Ct)).Count);
    }

    [Fact]
    public async Task ListRuns_Limit_ReturnsTheNewestRuns()
    {
        var store = await NewStore();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await store.Runs.CreateRunAsync(NewRunBuilder.Run().StartedAt(NewRunBuilder.DefaultStart.AddMinutes(i)).Build(), StoreChanges.ByTester, Ct)).Id);
        }

        Assert.Equal([ids[4], ids[3]], (await store.Runs.ListRunsAsync(new RunQuery(Limit: 2), Ct)).Select(run => run.Id));
    }

    [Fact]
    public async Task ListRuns_RecordsCarryTheirDetails()
    {
        var store = await NewStore();
        var run = await store.Runs.CreateRunAsync(NewRunBuilder.WithModel().WithMetric("auc", 0.9).WithParam("seed", "1").WithTag("best", "yes").Build(), StoreChanges.ByTester, Ct);

        var listed = Assert.Single(await store.Runs.ListRunsAsync(new RunQuery(), Ct));

        Assert.Equal(run.Id, listed.Id);
        Assert.Equal([new("auc", 0.9)], Sorted(listed.Metrics));
        Assert.Equal([new("seed", "1")], Sorted(listed.Params));
        Assert.Equal([new("best", "yes")], Sorted(listed.Tags));
        Assert.Equal(RunArtifact.ModelBundle, Assert.Single(listed.Artifacts).Name);
    }
}
