using Gangway.Stores;

namespace Gangway.Tests.Conformance.Stores;

public abstract partial class ModelStoreConformance
{
    private const string DataSha256 = "25c9e59b54367d5de22d16ae695a92719a4f6246a3207ba0badf6843fe236eff";

    private static NewEvaluation Evaluation(string runId, string? model = null, int? version = null, double rocAuc = 0.91) =>
        new(runId, model, version, "validation.csv", DataSha256, new Dictionary<string, double> { ["roc_auc"] = rocAuc, ["accuracy"] = 0.84 });

    [Fact]
    public void RecordEvaluation_OfAVersion_IsListedWithItsRunMetricsDataAndVersion()
    {
        var store = NewStore();
        var version = RegisterNew(store, "titanic");
        var before = DateTimeOffset.UtcNow;

        var recorded = store.RecordEvaluation(Evaluation(version.RunId, "titanic", 1), new Change("alice"));

        Assert.Matches("^[0-9a-f]{32}$", recorded.Id);
        Assert.Equal((version.RunId, "titanic", (int?)1, "titanic:1"), (recorded.RunId, recorded.Model, recorded.Version, recorded.VersionReference));
        Assert.Equal(("validation.csv", DataSha256, "alice"), (recorded.DataName, recorded.DataSha256, recorded.EvaluatedBy));
        AssertUtcBetween(recorded.EvaluatedAt, before, DateTimeOffset.UtcNow);
        var listed = Assert.Single(SecondConnection(store).ListEvaluations(version.RunId));
        Assert.Equal(recorded.Id, listed.Id);
        Assert.Equal(0.91, listed.Metrics["roc_auc"]);
        Assert.Equal(0.84, listed.Metrics["accuracy"]);
        Assert.Equal(recorded.EvaluatedAt, listed.EvaluatedAt);
        Assert.Equal(AuditActions.EvaluationRecorded, LatestAudit(store).Action);
        Assert.Equal(version.RunId, LatestAudit(store).Subject);
    }

    [Fact]
    public void RecordEvaluation_OfARunOnly_HasNoVersionAndListsNewestFirst()
    {
        var store = NewStore();
        var run = CreateModelRun(store);

        store.RecordEvaluation(Evaluation(run.Id, rocAuc: 0.80), StoreChanges.ByTester);
        store.RecordEvaluation(Evaluation(run.Id, rocAuc: 0.85), StoreChanges.ByTester);

        var listed = store.ListEvaluations(run.Id);
        Assert.Equal([0.85, 0.80], listed.Select(e => e.Metrics["roc_auc"]));
        Assert.All(listed, e => Assert.Null(e.VersionReference));
        Assert.Empty(store.ListEvaluations(CreateModelRun(store, "another bundle").Id));
    }

    [Fact]
    public void RecordEvaluation_UnknownRunOrVersion_ThrowsNotFoundAndRecordsNothing()
    {
        var store = NewStore();
        var version = RegisterNew(store, "titanic");
        var missing = new string('e', 32);

        var noRun = Fails(ErrorKind.NotFound, () => store.RecordEvaluation(Evaluation(missing), StoreChanges.ByTester));
        var noVersion = Fails(ErrorKind.NotFound, () => store.RecordEvaluation(Evaluation(version.RunId, "titanic", 2), StoreChanges.ByTester));

        Assert.Contains(missing, noRun.Message, StringComparison.Ordinal);
        Assert.Contains("no version 2", noVersion.Message, StringComparison.Ordinal);
        Assert.Empty(store.ListEvaluations(version.RunId));
    }

    [Fact]
    public void RecordEvaluation_VersionOfAnotherRun_ThrowsInvalidInput()
    {
        var store = NewStore();
        RegisterNew(store, "titanic", "first bundle");
        var other = CreateModelRun(store, "second bundle");

        var exception = Fails(ErrorKind.InvalidInput, () => store.RecordEvaluation(Evaluation(other.Id, "titanic", 1), StoreChanges.ByTester));

        Assert.Contains("titanic:1", exception.Message, StringComparison.Ordinal);
        Assert.Empty(store.ListEvaluations(other.Id));
    }

    [Fact]
    public void RecordEvaluation_NonFiniteMetric_ThrowsInvalidInputNamingIt()
    {
        var store = NewStore();
        var run = CreateModelRun(store);
        var evaluation = Evaluation(run.Id) with { Metrics = new Dictionary<string, double> { ["roc_auc"] = double.NaN } };

        var exception = Fails(ErrorKind.InvalidInput, () => store.RecordEvaluation(evaluation, StoreChanges.ByTester));

        Assert.Contains("roc_auc", exception.Message, StringComparison.Ordinal);
        Assert.Empty(store.ListEvaluations(run.Id));
    }
}
