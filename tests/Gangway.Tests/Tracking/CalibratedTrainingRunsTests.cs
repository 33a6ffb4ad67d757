using Gangway.Stores;
using Gangway.Tests.Scoring;
using Gangway.Tracking;

namespace Gangway.Tests.Tracking;

public class CalibratedTrainingRunsTests(CalibratedTitanic trained) : IClassFixture<CalibratedTitanic>
{
    private static readonly DateTimeOffset Started = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    [Fact]
    public void Training_CalibratedModel_RecordsTheMethodAndTheOutOfFoldErrors()
    {
        var recorded = trained.Platt.Metrics["calibration"]!;

        var run = TrainingRuns.Training(trained.Platt, [1], trained.PlattSpec, Training.TitanicFiles.Train, Started, Started);

        Assert.Equal("platt", run.Params["calibration"]);
        Assert.Equal("5", run.Params["calibration.folds"]);
        Assert.Equal(recorded["out_of_fold_ece_uncalibrated"]!.GetValue<double>(), run.Metrics["calibration_oof_ece_uncalibrated"]);
        Assert.Equal(recorded["out_of_fold_ece_calibrated"]!.GetValue<double>(), run.Metrics["calibration_oof_ece_calibrated"]);
    }

    [Fact]
    public void Training_UncalibratedModel_RecordsNoCalibration()
    {
        var run = TrainingRuns.Training(trained.Uncalibrated, [1], Training.TitanicFiles.TitanicSpec, Training.TitanicFiles.Train, Started, Started);

        Assert.DoesNotContain("calibration", run.Params.Keys);
        Assert.DoesNotContain(run.Metrics.Keys, k => k.StartsWith("calibration", StringComparison.Ordinal));
    }
}
