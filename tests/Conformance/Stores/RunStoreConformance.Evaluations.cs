using Gangway.Stores;

namespace Gangway.Tests.Conformance.Stores;

public abstract partial class RunStoreConformance
{
    private const string DataSha256 = "25c9e59b54367d5de22d16ae695a92719a4f6246a3207ba0badf6843fe236eff";

    protected static NewEvaluation Evaluation(string runId, string? model = null, int? version = null, double rocAuc = 0.91) =>
        new(runId, model, version, "validation.csv", DataSha256, new Dictionary<string, double> { ["roc_auc"] = rocAuc, ["accuracy"] = 0.84 });

    [Fact]
    public async Task RecordEvaluation_OfAVersion_IsListedWithItsRunMetricsDataAndVersion()
    {
        var store = await NewStore();
        var version = await RegisterNew(store, "titanic");
        var before = DateTimeOffset.UtcNow;

        var recorded = await store.Runs.RecordEvaluationAsync(Evaluation(version.RunId, "titanic", 1), new Change("alice"), Ct);

        Assert.Matches("^[0-9a-f]{32}$", recorded.Id);
        Assert.Equal((version.RunId, "titanic", (int?)1, "titanic:1"), (recorded.RunId, recorded.Model, recorded.Version, recorded.VersionReference));
        Assert.Equal(("validation.csv", DataSha256, "alice"), (recorded.DataName, recorded.DataSha256, recorded.EvaluatedBy));
        AssertUtcBetween(recorded.EvaluatedAt, before, DateTimeOffset.UtcNow);
        var listed = Assert.Single(await (await SecondConnection(store)).Runs.ListEvaluationsAsync(version.RunId, Ct));
        Assert.Equal(recorded.Id, listed.Id);
        Assert.Equal(0.91, listed.Metrics["roc_auc"]);
        Assert.Equal(0.84, listed.Metrics["accuracy"]);
        Assert.Equal(recorded.EvaluatedAt, listed.EvaluatedAt);
        Assert.Equal(AuditActions.EvaluationRecorded, (await LatestAudit(store)).Action);
        Assert.Equal(version.RunId, (await LatestAudit(store)).Subject);
    }

    [Fact]
    public async Task RecordEvaluation_OfARunOnly_HasNoVersionAndListsNewestFirst()
    {
        var store = await NewStore();
        var run = await CreateModelRun(store);

        await store.Runs.RecordEvaluationAsync(Evaluation(run.Id, rocAuc: 0.80), StoreChanges.ByTester, Ct);
        await store.Runs.RecordEvaluationAsync(Evaluation(run.Id, rocAuc: 0.85), StoreChanges.ByTester, Ct);

        var listed = await store.Runs.ListEvaluationsAsync(run.Id, Ct);
        Assert.Equal([0.85, 0.80], listed.Select(e => e.Metrics["roc_auc"]));
        Assert.All(listed, e => Assert.Null(e.VersionReference));
        Assert.Empty(await store.Runs.ListEvaluationsAsync((await CreateModelRun(store, "another bundle")).Id, Ct));
    }

    [Fact]
    public async Task RecordEvaluation_UnknownRunOrVersion_ThrowsNotFoundAndRecordsNothing()
    {
        var store = await NewStore();
        var version = await RegisterNew(store, "titanic");
        var missing = new string('e', 32);

        var noRun = await FailsAsync(ErrorKind.NotFound, () => store.Runs.RecordEvaluationAsync(Evaluation(missing), StoreChanges.ByTester, Ct));
        var noVersion = await FailsAsync(ErrorKind.NotFound, () => store.Runs.RecordEvaluationAsync(Evaluation(version.RunId, "titanic", 2), StoreChanges.ByTester, Ct));

        Assert.Contains(missing, noRun.Message, StringComparison.Ordinal);
        Assert.Contains("no version 2", noVersion.Message, StringComparison.Ordinal);
        Assert.Empty(await store.Runs.ListEvaluationsAsync(version.RunId, Ct));
    }

    [Fact]
    public async Task RecordEvaluation_VersionOfAnotherRun_ThrowsInvalidInput()
    {
        var store = await NewStore();
        await RegisterNew(store, "titanic", "first bundle");
        var other = await CreateModelRun(store, "second bundle");

        var exception = await FailsAsync(ErrorKind.InvalidInput, () => store.Runs.RecordEvaluationAsync(Evaluation(other.Id, "titanic", 1), StoreChanges.ByTester, Ct));

        Assert.Contains("titanic:1", exception.Message, StringComparison.Ordinal);
        Assert.Empty(await store.Runs.ListEvaluationsAsync(other.Id, Ct));
    }

    [Fact]
    public async Task RecordEvaluation_NonFiniteMetric_ThrowsInvalidInputNamingIt()
    {
        var store = await NewStore();
        var run = await CreateModelRun(store);
        var evaluation = Evaluation(run.Id) with { Metrics = new Dictionary<string, double> { ["roc_auc"] = double.NaN } };

        var exception = await FailsAsync(ErrorKind.InvalidInput, () => store.Runs.RecordEvaluationAsync(evaluation, StoreChanges.ByTester, Ct));

        Assert.Contains("roc_auc", exception.Message, StringComparison.Ordinal);
        Assert.Empty(await store.Runs.ListEvaluationsAsync(run.Id, Ct));
    }
}
