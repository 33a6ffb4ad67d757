using Gangway.Bundles;
using Gangway.Stores;

namespace Gangway.Tests.Conformance.Stores;

public abstract partial class ModelStoreConformance
{
    [Fact]
    public void CreateRun_EverythingGiven_ComesBackFromFindRun()
    {
        var store = NewStore();
        var created = store.CreateRun(
            NewRunBuilder.Run("titanic").Named("fold 3")
                .WithParam("seed", "42").WithParam("spec", "titanic.yaml")
                .WithMetric("auc", 0.1 + 0.2).WithMetric("accuracy", 0.8125)
                .WithTag("git", "abc123").WithLineage("""{"data":"sha"}""")
                .WithArtifact(RunArtifact.ModelBundle, "bundle").Build(),
            new Change("alice"));

        var found = store.FindRun(created.Id);

        Assert.NotNull(found);
        foreach (var run in new[] { created, found })
        {
            Assert.Equal(("titanic", "fold 3", (string?)null, RunStatus.Finished), (run.Experiment, run.Name, run.ParentRunId, run.Status));
            Assert.Equal((NewRunBuilder.DefaultStart, NewRunBuilder.DefaultStart.AddSeconds(2)), (run.StartedAt, run.EndedAt));
            Assert.Equal("alice", run.CreatedBy);
            Assert.Equal([new("seed", "42"), new("spec", "titanic.yaml")], Sorted(run.Params));
            Assert.Equal([new("accuracy", 0.8125), new("auc", 0.1 + 0.2)], Sorted(run.Metrics));
            Assert.Equal([new("git", "abc123")], Sorted(run.Tags));
            Assert.Equal("""{"data":"sha"}""", run.Lineage);
            Assert.Equal([new ArtifactInfo(RunArtifact.ModelBundle, 6, Hashing.Sha256("bundle"u8.ToArray()))], run.Artifacts);
        }
    }

    [Fact]
    public void CreateRun_TwoRuns_IdsAreDistinct32LowercaseHexDigits()
    {
        var store = NewStore();

        var first = store.CreateRun(NewRunBuilder.Run().Build(), StoreChanges.ByTester);
        var second = store.CreateRun(NewRunBuilder.Run().Build(), StoreChanges.ByTester);

        Assert.Matches("^[0-9a-f]{32}$", first.Id);
        Assert.Matches("^[0-9a-f]{32}$", second.Id);
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public void CreateRun_TimesWithOffset_ComeBackAsTheSameInstantInUtc()
    {
        var store = NewStore();
        var started = new DateTimeOffset(2025, 6, 1, 23, 59, 59, 123, TimeSpan.FromHours(2));

        var run = store.CreateRun(NewRunBuilder.Run().StartedAt(started).WithStatus(RunStatus.Running, null).Build(), StoreChanges.ByTester);
        var found = store.FindRun(run.Id)!;

        Assert.Equal(started, found.StartedAt);
        Assert.Equal(TimeSpan.Zero, found.StartedAt.Offset);
        Assert.Null(found.EndedAt);
        Assert.Equal(RunStatus.Running, found.Status);
    }

    [Fact]
    public void CreateRun_WithParent_RecordsTheParent()
    {
        var store = NewStore();
        var parent = store.CreateRun(NewRunBuilder.Run().WithStatus(RunStatus.Running, null).Build(), StoreChanges.ByTester);

        var child = store.CreateRun(NewRunBuilder.Run().ChildOf(parent.Id).Build(), StoreChanges.ByTester);

        Assert.Equal(parent.Id, store.FindRun(child.Id)!.ParentRunId);
    }

    [Fact]
    public void CreateRun_UnknownParent_ThrowsNotFoundNamingTheParentAndStore()
    {
        var store = NewStore();
        var missing = new string('a', 32);

        var exception = Fails(ErrorKind.NotFound, () => store.CreateRun(NewRunBuilder.Run().ChildOf(missing).Build(), StoreChanges.ByTester));

        Assert.Contains(missing, exception.Message, StringComparison.Ordinal);
        Assert.Contains(store.DisplayUri, exception.Message, StringComparison.Ordinal);
        Assert.Empty(store.ListRuns(new RunQuery()));
    }

    [Fact]
    public void FindRun_UniquePrefixOfSixCharacters_ReturnsTheRun()
    {
        var store = NewStore();
        var run = store.CreateRun(NewRunBuilder.Run().Build(), StoreChanges.ByTester);

        Assert.Equal(run.Id, store.FindRun(run.Id[..6])?.Id);
        Assert.Equal(run.Id, store.FindRun(run.Id[..20])?.Id);
    }

    [Fact]
    public void FindRun_PrefixShorterThanSixOrUnknownId_ReturnsNull()
    {
        var store = NewStore();
        var run = store.CreateRun(NewRunBuilder.Run().Build(), StoreChanges.ByTester);

        Assert.Null(store.FindRun(run.Id[..5]));
        Assert.Null(store.FindRun(new string(run.Id[0] == '0' ? '1' : '0', 32)));
        Assert.Null(store.FindRun("%%%%%%"));
    }

    [Fact]
    public void FindRun_AmbiguousPrefix_ThrowsInvalidInputNamingThePrefix()
    {
        var store = NewStore();
        var first = store.CreateRun(NewRunBuilder.Run().Build(), StoreChanges.ByTester);
        var second = store.CreateRun(NewRunBuilder.Run().Build(), StoreChanges.ByTester);
        ChangeRunId(store, first.Id, "abcdef0000000000000000000000000" + "1");
        ChangeRunId(store, second.Id, "abcdef0000000000000000000000000" + "2");

        var exception = Fails(ErrorKind.InvalidInput, () => store.FindRun("abcdef0"));

        Assert.Contains("abcdef0", exception.Message, StringComparison.Ordinal);
        Assert.Equal("abcdef00000000000000000000000002", store.FindRun("abcdef00000000000000000000000002")?.Id);
    }

    [Fact]
    public void UpdateRun_MetricsAndTags_AreAddedOrReplacedAndStatusSet()
    {
        var store = NewStore();
        var run = store.CreateRun(
            NewRunBuilder.Run().WithStatus(RunStatus.Running, null).WithMetric("auc", 0.5).WithTag("stage", "fit").Build(),
            StoreChanges.ByTester);
        var ended = NewRunBuilder.DefaultStart.AddMinutes(5);

        var updated = store.UpdateRun(
            run.Id,
            new RunUpdate(RunStatus.Failed, ended, new Dictionary<string, double> { ["auc"] = 0.75, ["f1"] = 0.5 }, new Dictionary<string, string> { ["error"] = "boom" }),
            StoreChanges.ByTester);

        foreach (var record in new[] { updated, store.FindRun(run.Id)! })
        {
            Assert.Equal((RunStatus.Failed, (DateTimeOffset?)ended), (record.Status, record.EndedAt));
            Assert.Equal([new("auc", 0.75), new("f1", 0.5)], Sorted(record.Metrics));
            Assert.Equal([new("error", "boom"), new("stage", "fit")], Sorted(record.Tags));
        }
    }

    [Fact]
    public void UpdateRun_NoEndTime_KeepsTheEndTime()
    {
        var store = NewStore();
        var run = store.CreateRun(NewRunBuilder.Run().Build(), StoreChanges.ByTester);

        var updated = store.UpdateRun(run.Id, new RunUpdate(RunStatus.Finished, null, new Dictionary<string, double>(), new Dictionary<string, string>()), StoreChanges.ByTester);

        Assert.Equal(run.EndedAt, updated.EndedAt);
        Assert.Equal(run.EndedAt, store.FindRun(run.Id)!.EndedAt);
    }

    [Fact]
    public void UpdateRun_UnknownRun_ThrowsNotFoundNamingTheRunAndStore()
    {
        var store = NewStore();
        var missing = new string('b', 32);

        var exception = Fails(ErrorKind.NotFound, () => store.UpdateRun(missing, new RunUpdate(RunStatus.Finished, null, new Dictionary<string, double>(), new Dictionary<string, string>()), StoreChanges.ByTester));

        Assert.Contains(missing, exception.Message, StringComparison.Ordinal);
        Assert.Contains(store.DisplayUri, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadArtifact_BinaryContent_ReturnsTheSameBytes()
    {
        var store = NewStore();
        var content = new byte[200_000];
        new Random(7).NextBytes(content);
        content[0] = 0;
        var run = store.CreateRun(NewRunBuilder.Run().WithArtifact("model.gwb", content).WithArtifact("empty.txt", []).Build(), StoreChanges.ByTester);

        Assert.Equal(content, store.ReadArtifact(run.Id, "model.gwb"));
        Assert.Equal(Array.Empty<byte>(), store.ReadArtifact(run.Id, "empty.txt"));
        Assert.Contains(new ArtifactInfo("model.gwb", content.Length, Hashing.Sha256(content)), store.FindRun(run.Id)!.Artifacts);
    }

    [Fact]
    public void ReadArtifact_UnknownNameOrRun_ReturnsNull()
    {
        var store = NewStore();
        var run = CreateModelRun(store);

        Assert.Null(store.ReadArtifact(run.Id, "other.gwb"));
        Assert.Null(store.ReadArtifact(new string('c', 32), RunArtifact.ModelBundle));
    }
}
