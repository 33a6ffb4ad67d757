using Gangway.Bundles;
using Gangway.Evaluation;
using Gangway.Stores;
using Gangway.Tests.Stores;
using Gangway.Tests.Training;
using Gangway.Tracking;
using Gangway.Training;

namespace Gangway.Tests.Tracking;

/// <summary>Evaluations recorded against the run (and version) of the evaluated bundle, in a real SQLite store.</summary>
public sealed class EvaluationRunsTests(TrainedTitanic trained) : IClassFixture<TrainedTitanic>, IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task FindRunOfBundleAsync_BundleFileOfARegisteredRun_FindsThatRun()
    {
        var version = await _temp.RegisterAsync("titanic", trained.Titanic, TitanicFiles.TitanicSpec, TitanicFiles.Train);
        var path = _temp.Folder.File("titanic.gwb");
        await File.WriteAllBytesAsync(path, BundleWriter.ToBytes(trained.Titanic));

        var runId = await EvaluationRuns.FindRunOfBundleAsync(_temp.Store.Runs, path, trained.Titanic.Name, CancellationToken.None);

        Assert.Equal(version.RunId, runId);
    }

    [Fact]
    public async Task FindRunOfBundleAsync_BundleNoRunHolds_IsNull()
    {
        await _temp.RegisterAsync("titanic", trained.Titanic, TitanicFiles.TitanicSpec, TitanicFiles.Train);
        var path = _temp.Folder.File("baseline.gwb");
        await File.WriteAllBytesAsync(path, BundleWriter.ToBytes(trained.Baseline));

        Assert.Null(await EvaluationRuns.FindRunOfBundleAsync(_temp.Store.Runs, path, trained.Titanic.Name, CancellationToken.None));
    }

    [Fact]
    public async Task RecordAsync_Version_RecordsTheOverallMetricsAgainstTheRunAndTheVersion()
    {
        var version = await _temp.RegisterAsync("titanic", trained.Titanic, TitanicFiles.TitanicSpec, TitanicFiles.Train);
        var report = BundleEvaluator.Evaluate(trained.Titanic, TitanicFiles.Validation);

        var recorded = await EvaluationRuns.RecordAsync(_temp.Store.Runs, version.RunId, version, TitanicFiles.Validation, report, CancellationToken.None);

        Assert.Equal(("titanic:1", "validation.csv", Hashing.Sha256File(TitanicFiles.Validation)), (recorded.VersionReference, recorded.DataName, recorded.DataSha256));
        Assert.Equal(report.Overall.RocAuc, recorded.Metrics["roc_auc"]);
        Assert.Equal(recorded.Id, Assert.Single(await _temp.Store.Runs.ListEvaluationsAsync(version.RunId, CancellationToken.None)).Id);
    }
}
