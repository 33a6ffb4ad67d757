using Gangway.Bundles;
using Gangway.Stores;

namespace Gangway.Tests.Conformance.Stores;

public abstract partial class RunStoreConformance
{
    [Fact]
    public async Task CreateRun_EverythingGiven_ComesBackFromFindRun()
    {
        var store = await NewStore();
        var created = await store.Runs.CreateRunAsync(
            NewRunBuilder.Run("titanic").Named("fold 3")
                .WithParam("seed", "42").WithParam("spec", "titanic.yaml")
                .WithMetric("auc", 0.1 + 0.2).WithMetric("accuracy", 0.8125)
                .WithTag("git", "abc123").WithLineage("""{"data":"sha"}""")
                .WithArtifact(RunArtifact.ModelBundle, "bundle").Build(),
            new Change("alice"), Ct);

        var found = await store.Runs.FindRunAsync(created.Id, Ct);

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
    public async Task CreateRun_TwoRuns_IdsAreDistinct32LowercaseHexDigits()
    {
        var store = await NewStore();

        var first = await store.Runs.CreateRunAsync(NewRunBuilder.Run().Build(), StoreChanges.ByTester, Ct);
        var second = await store.Runs.CreateRunAsync(NewRunBuilder.Run().Build(), StoreChanges.ByTester, Ct);

        Assert.Matches("^[0-9a-f]{32}$", first.Id);
        Assert.Matches("^[0-9a-f]{32}$", second.Id);
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public async Task CreateRun_TimesWithOffset_ComeBackAsTheSameInstantInUtc()
    {
        var store = await NewStore();
        var started = new DateTimeOffset(2025, 6, 1, 23, 59, 59, 123, TimeSpan.FromHours(2));

        var run = await store.Runs.CreateRunAsync(NewRunBuilder.Run().StartedAt(started).WithStatus(RunStatus.Running, null).Build(), StoreChanges.ByTester, Ct);
        var found = (await store.Runs.FindRunAsync(run.Id, Ct))!;

        Assert.Equal(started, found.StartedAt);
        Assert.Equal(TimeSpan.Zero, found.StartedAt.Offset);
        Assert.Null(found.EndedAt);
        Assert.Equal(RunStatus.Running, found.Status);
    }

    [Fact]
    public async Task CreateRun_WithParent_RecordsTheParent()
    {
        var store = await NewStore();
        var parent = await store.Runs.CreateRunAsync(NewRunBuilder.Run().WithStatus(RunStatus.Running, null).Build(), StoreChanges.ByTester, Ct);

        var child = await store.Runs.CreateRunAsync(NewRunBuilder.Run().ChildOf(parent.Id).Build(), StoreChanges.ByTester, Ct);

        Assert.Equal(parent.Id, (await store.Runs.FindRunAsync(child.Id, Ct))!.ParentRunId);
    }

    [Fact]
    public async Task CreateRun_UnknownParent_ThrowsNotFoundNamingTheParentAndStore()
    {
        var store = await NewStore();
        var missing = new string('a', 32);

        var exception = await FailsAsync(ErrorKind.NotFound, () => store.Runs.CreateRunAsync(NewRunBuilder.Run().ChildOf(missing).Build(), StoreChanges.ByTester, Ct));

        Assert.Contains(missing, exception.Message, StringComparison.Ordinal);
        Assert.Contains(store.DisplayUri, exception.Message, StringComparison.Ordinal);
        Assert.Empty(await store.Runs.ListRunsAsync(new RunQuery(), Ct));
    }

    [Fact]
    public async Task FindRun_UniquePrefixOfSixCharacters_ReturnsTheRun()
    {
        var store = await NewStore();
        var run = await store.Runs.CreateRunAsync(NewRunBuilder.Run().Build(), StoreChanges.ByTester, Ct);

        Assert.Equal(run.Id, (await store.Runs.FindRunAsync(run.Id[..6], Ct))?.Id);
        Assert.Equal(run.Id, (await store.Runs.FindRunAsync(run.Id[..20], Ct))?.Id);
    }

    [Fact]
    public async Task FindRun_PrefixShorterThanSixOrUnknownId_ReturnsNull()
    {
        var store = await NewStore();
        var run = await store.Runs.CreateRunAsync(NewRunBuilder.Run().Build(), StoreChanges.ByTester, Ct);

        Assert.Null(await store.Runs.FindRunAsync(run.Id[..5], Ct));
        Assert.Null(await store.Runs.FindRunAsync(new string(run.Id[0] == '0' ? '1' : '0', 32), Ct));
        Assert.Null(await store.Runs.FindRunAsync("%%%%%%", Ct));
    }

    [Fact]
    public async Task FindRun_AmbiguousPrefix_ThrowsInvalidInputNamingThePrefix()
    {
        var store = await NewStore();
        var first = await store.Runs.CreateRunAsync(NewRunBuilder.Run().Build(), StoreChanges.ByTester, Ct);
        var second = await store.Runs.CreateRunAsync(NewRunBuilder.Run().Build(), StoreChanges.ByTester, Ct);
        await ChangeRunId(store, first.Id, "abcdef0000000000000000000000000" + "1");
        await ChangeRunId(store, second.Id, "abcdef0000000000000000000000000" + "2");

        var exception = await FailsAsync(ErrorKind.InvalidInput, () => store.Runs.FindRunAsync("abcdef0", Ct));

        Assert.Contains("abcdef0", exception.Message, StringComparison.Ordinal);
        Assert.Equal("abcdef00000000000000000000000002", (await store.Runs.FindRunAsync("abcdef00000000000000000000000002", Ct))?.Id);
    }

    [Fact]
    public async Task UpdateRun_MetricsAndTags_AreAddedOrReplacedAndStatusSet()
    {
        var store = await NewStore();
        var run = await store.Runs.CreateRunAsync(
            NewRunBuilder.Run().WithStatus(RunStatus.Running, null).WithMetric("auc", 0.5).WithTag("stage", "fit").Build(),
            StoreChanges.ByTester, Ct);
        var ended = NewRunBuilder.DefaultStart.AddMinutes(5);

        var updated = await store.Runs.UpdateRunAsync(
            run.Id,
            new RunUpdate(RunStatus.Failed, ended, new Dictionary<string, double> { ["auc"] = 0.75, ["f1"] = 0.5 }, new Dictionary<string, string> { ["error"] = "boom" }),
            StoreChanges.ByTester, Ct);

        foreach (var record in new[] { updated, (await store.Runs.FindRunAsync(run.Id, Ct))! })
        {
            Assert.Equal((RunStatus.Failed, (DateTimeOffset?)ended), (record.Status, record.EndedAt));
            Assert.Equal([new("auc", 0.75), new("f1", 0.5)], Sorted(record.Metrics));
            Assert.Equal([new("error", "boom"), new("stage", "fit")], Sorted(record.Tags));
        }
    }

    [Fact]
    public async Task UpdateRun_NoEndTime_KeepsTheEndTime()
    {
        var store = await NewStore();
        var run = await store.Runs.CreateRunAsync(NewRunBuilder.Run().Build(), StoreChanges.ByTester, Ct);

        var updated = await store.Runs.UpdateRunAsync(run.Id, new RunUpdate(RunStatus.Finished, null, new Dictionary<string, double>(), new Dictionary<string, string>()), StoreChanges.ByTester, Ct);

        Assert.Equal(run.EndedAt, updated.EndedAt);
        Assert.Equal(run.EndedAt, (await store.Runs.FindRunAsync(run.Id, Ct))!.EndedAt);
    }

    [Fact]
    public async Task UpdateRun_UnknownRun_ThrowsNotFoundNamingTheRunAndStore()
    {
        var store = await NewStore();
        var missing = new string('b', 32);

        var exception = await FailsAsync(ErrorKind.NotFound, () => store.Runs.UpdateRunAsync(missing, new RunUpdate(RunStatus.Finished, null, new Dictionary<string, double>(), new Dictionary<string, string>()), StoreChanges.ByTester, Ct));

        Assert.Contains(missing, exception.Message, StringComparison.Ordinal);
        Assert.Contains(store.DisplayUri, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateRunAndUpdateRun_NaNAndInfiniteMetrics_ComeBackUnchanged()
    {
        var store = await NewStore();
        var run = await store.Runs.CreateRunAsync(NewRunBuilder.Run().WithMetric("auc", double.NaN).WithMetric("loss", double.PositiveInfinity).Build(), StoreChanges.ByTester, Ct);

        await store.Runs.UpdateRunAsync(run.Id, new RunUpdate(RunStatus.Finished, null, new Dictionary<string, double> { ["gain"] = double.NegativeInfinity, ["f1"] = double.NaN }, new Dictionary<string, string>()), StoreChanges.ByTester, Ct);

        var metrics = (await store.Runs.FindRunAsync(run.Id, Ct))!.Metrics;
        Assert.True(double.IsNaN(metrics["auc"]));
        Assert.True(double.IsNaN(metrics["f1"]));
        Assert.Equal(double.PositiveInfinity, metrics["loss"]);
        Assert.Equal(double.NegativeInfinity, metrics["gain"]);
    }

    [Fact]
    public async Task ReadArtifact_BinaryContent_ReturnsTheSameBytes()
    {
        var store = await NewStore();
        var content = new byte[200_000];
        new Random(7).NextBytes(content);
        content[0] = 0;
        var run = await store.Runs.CreateRunAsync(NewRunBuilder.Run().WithArtifact("model.gwb", content).WithArtifact("empty.txt", []).Build(), StoreChanges.ByTester, Ct);

        Assert.Equal(content, await store.Runs.ReadArtifactAsync(run.Id, "model.gwb", Ct));
        Assert.Equal(Array.Empty<byte>(), await store.Runs.ReadArtifactAsync(run.Id, "empty.txt", Ct));
        Assert.Contains(new ArtifactInfo("model.gwb", content.Length, Hashing.Sha256(content)), (await store.Runs.FindRunAsync(run.Id, Ct))!.Artifacts);
    }

    [Fact]
    public async Task ReadArtifact_UnknownNameOrRun_ReturnsNull()
    {
        var store = await NewStore();
        var run = await CreateModelRun(store);

        Assert.Null(await store.Runs.ReadArtifactAsync(run.Id, "other.gwb", Ct));
        Assert.Null(await store.Runs.ReadArtifactAsync(new string('c', 32), RunArtifact.ModelBundle, Ct));
    }
}
