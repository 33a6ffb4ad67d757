using Gangway.Registry;
using Gangway.Stores;
using Gangway.Tests.Stores;
using Gangway.Tests.Training;
using Gangway.Tracking;
using Gangway.Training;

namespace Gangway.Tests.Registry;

/// <summary>What <c>gangway models show</c> reads, in a real SQLite store.</summary>
public sealed class ModelVersionsTests(TrainedTitanic trained) : IClassFixture<TrainedTitanic>, IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ReadAsync_TwoVersionsOneEvaluated_VersionsNewestFirstWithTheirRunsEvaluationsAndAliases()
    {
        var first = await _temp.RegisterAsync("titanic", trained.Titanic, TitanicFiles.TitanicSpec, TitanicFiles.Train);
        var second = await _temp.RegisterAsync("titanic", trained.Baseline, TitanicFiles.BaselineSpec, TitanicFiles.Train);
        await _temp.Store.Registry.SetAliasAsync("titanic", "champion", 1, new Change("tests"), CancellationToken.None);
        var report = BundleEvaluator.Evaluate(trained.Titanic, TitanicFiles.Validation);
        var evaluation = await EvaluationRuns.RecordAsync(_temp.Store.Runs, first.RunId, first, TitanicFiles.Validation, report, CancellationToken.None);
        var model = (await _temp.Store.Registry.FindModelAsync("titanic", CancellationToken.None))!;

        var shown = await ModelVersions.ReadAsync(_temp.Store, model, CancellationToken.None);

        Assert.Equal([2, 1], shown.Versions.Select(v => v.Version));
        Assert.Equal(evaluation.Id, Assert.Single(shown.EvaluationsByRun[first.RunId]).Id);
        Assert.Empty(shown.EvaluationsByRun[second.RunId]);
        Assert.Equal(["champion"], shown.AliasesOf(1));
        Assert.Empty(shown.AliasesOf(2));
    }
}
