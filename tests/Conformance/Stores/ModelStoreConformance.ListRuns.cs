using Gangway.Stores;

namespace Gangway.Tests.Conformance.Stores;

public abstract partial class ModelStoreConformance
{
    [Fact]
    public void ListRuns_DifferentStartTimes_NewestStartFirst()
    {
        var store = NewStore();
        var middle = store.CreateRun(NewRunBuilder.Run().StartedAt(NewRunBuilder.DefaultStart.AddHours(1)).Build(), StoreChanges.ByTester);
        var oldest = store.CreateRun(NewRunBuilder.Run().StartedAt(NewRunBuilder.DefaultStart).Build(), StoreChanges.ByTester);
        var newest = store.CreateRun(NewRunBuilder.Run().StartedAt(NewRunBuilder.DefaultStart.AddHours(2)).Build(), StoreChanges.ByTester);

        Assert.Equal([newest.Id, middle.Id, oldest.Id], store.ListRuns(new RunQuery()).Select(run => run.Id));
    }

    [Fact]
    public void ListRuns_EqualStartTimes_LaterRecordedFirst()
    {
        var store = NewStore();
        var ids = Enumerable.Range(0, 4).Select(_ => store.CreateRun(NewRunBuilder.Run().Build(), StoreChanges.ByTester).Id).ToList();

        Assert.Equal(Enumerable.Reverse(ids), store.ListRuns(new RunQuery()).Select(run => run.Id));
    }

    [Fact]
    public void ListRuns_Experiment_ReturnsOnlyThatExperiment()
    {
        var store = NewStore();
        var titanic = store.CreateRun(NewRunBuilder.Run("titanic").Build(), StoreChanges.ByTester);
        store.CreateRun(NewRunBuilder.Run("upsell").Build(), StoreChanges.ByTester);

        Assert.Equal([titanic.Id], store.ListRuns(new RunQuery(Experiment: "titanic")).Select(run => run.Id));
        Assert.Empty(store.ListRuns(new RunQuery(Experiment: "churn")));
    }

    [Fact]
    public void ListRuns_ParentRunId_ReturnsOnlyItsChildren()
    {
        var store = NewStore();
        var parent = store.CreateRun(NewRunBuilder.Run().Build(), StoreChanges.ByTester);
        var child = store.CreateRun(NewRunBuilder.Run().ChildOf(parent.Id).Named("fold 1").Build(), StoreChanges.ByTester);
        var other = store.CreateRun(NewRunBuilder.Run().Build(), StoreChanges.ByTester);
        store.CreateRun(NewRunBuilder.Run().ChildOf(other.Id).Build(), StoreChanges.ByTester);

        var children = store.ListRuns(new RunQuery(ParentRunId: parent.Id));

        Assert.Equal([child.Id], children.Select(run => run.Id));
        Assert.Equal("fold 1", children[0].Name);
        Assert.Equal(4, store.ListRuns(new RunQuery()).Count);
    }

    [Fact]
    public void ListRuns_Limit_ReturnsTheNewestRuns()
    {
        var store = NewStore();
        var ids = Enumerable.Range(0, 5)
            .Select(i => store.CreateRun(NewRunBuilder.Run().StartedAt(NewRunBuilder.DefaultStart.AddMinutes(i)).Build(), StoreChanges.ByTester).Id)
            .ToList();

        Assert.Equal([ids[4], ids[3]], store.ListRuns(new RunQuery(Limit: 2)).Select(run => run.Id));
    }

    [Fact]
    public void ListRuns_RecordsCarryTheirDetails()
    {
        var store = NewStore();
        var run = store.CreateRun(NewRunBuilder.WithModel().WithMetric("auc", 0.9).WithParam("seed", "1").WithTag("best", "yes").Build(), StoreChanges.ByTester);

        var listed = Assert.Single(store.ListRuns(new RunQuery()));

        Assert.Equal(run.Id, listed.Id);
        Assert.Equal([new("auc", 0.9)], Sorted(listed.Metrics));
        Assert.Equal([new("seed", "1")], Sorted(listed.Params));
        Assert.Equal([new("best", "yes")], Sorted(listed.Tags));
        Assert.Equal(RunArtifact.ModelBundle, Assert.Single(listed.Artifacts).Name);
    }
}
