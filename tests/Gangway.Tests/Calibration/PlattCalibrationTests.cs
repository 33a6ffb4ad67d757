using System.Text.Json.Nodes;
using Gangway.Calibration;

namespace Gangway.Tests.Calibration;

public class PlattCalibrationTests
{
    [Fact]
    public void Fit_OverconfidentScores_RecoversTheTrueSlopeAndLowersTheErrorOnFreshRows()
    {
        var (train, trainActual) = MiscalibratedScores.Draw(20_000, seed: 1, sharpness: 3);
        var (test, testActual) = MiscalibratedScores.Draw(20_000, seed: 2, sharpness: 3);

        var platt = PlattCalibration.Fit(train, trainActual);

        // The model's logit is 3 × the true logit, so the calibrating slope is 1/3 and the offset 0.
        Assert.Equal(1.0 / 3, platt.Slope, 0.03);
        Assert.Equal(0, platt.Offset, 0.05);
        var before = MiscalibratedScores.ExpectedCalibrationError(test, testActual);
        var after = MiscalibratedScores.ExpectedCalibrationError([.. test.Select(platt.Calibrate)], testActual);
        Assert.True(before > 0.05, $"the synthetic scores should be miscalibrated; ECE {before}");
        Assert.True(after < 0.02, $"ECE after Platt scaling {after} (before {before})");
    }

    [Fact]
    public void Fit_AllScoresEqual_GivesTheMeanOfPlattsSmoothedTargets()
    {
        // 3 positives and 1 negative: targets (3 + 1) / (3 + 2) = 0.8 and 1 / (1 + 2); the best constant is their mean.
        var platt = PlattCalibration.Fit([0.5, 0.5, 0.5, 0.5], [true, true, true, false]);

        Assert.Equal(((3 * 0.8) + (1.0 / 3)) / 4, platt.Calibrate(0.5), 1e-9);
    }

    [Fact]
    public void Fit_Result_ZeroesTheGradientOfTheSmoothedLikelihood()
    {
        var (probability, actual) = MiscalibratedScores.Draw(500, seed: 3, sharpness: 0.5);

        var platt = PlattCalibration.Fit(probability, actual);

        var (positives, negatives) = (actual.Count(a => a), actual.Count(a => !a));
        double gradientSlope = 0, gradientOffset = 0;
        for (var i = 0; i < probability.Length; i++)
        {
            var target = actual[i] ? (positives + 1.0) / (positives + 2.0) : 1.0 / (negatives + 2.0);
            var residual = platt.Calibrate(probability[i]) - target;
            gradientSlope += residual * Math.Log(probability[i] / (1 - probability[i]));
            gradientOffset += residual;
        }

        Assert.Equal(0, gradientSlope, 1e-6);
        Assert.Equal(0, gradientOffset, 1e-6);
        Assert.Equal(2, platt.Slope, 0.6);
    }

    [Fact]
    public void Fit_ScoresThatRankBackwards_FlattensInsteadOfReorderingRows()
    {
        var platt = PlattCalibration.Fit([0.1, 0.2, 0.8, 0.9], [true, true, false, false]);

        Assert.Equal(0, platt.Slope);
        Assert.Equal(platt.Calibrate(0.1), platt.Calibrate(0.9));
    }

    [Fact]
    public void Calibrate_ProbabilitiesZeroAndOne_StayFiniteAndInOrder()
    {
        var platt = new PlattCalibration(0.5, 0.2);

        var (low, high) = (platt.Calibrate(0), platt.Calibrate(1));

        Assert.True(low > 0 && low < high && high < 1, $"{low} {high}");
    }

    [Fact]
    public void Fit_OneClass_SaysBothClassesAreNeeded()
    {
        var ex = Assert.Throws<GangwayException>(() => PlattCalibration.Fit([0.2, 0.4], [true, true]));

        Assert.Equal(ErrorKind.InvalidInput, ex.Kind);
        Assert.Equal("A Platt calibrator needs rows of both classes; the 2 rows given have only one.", ex.Message);
    }

    [Fact]
    public void Fit_ProbabilityOutsideZeroToOne_NamesTheRow()
    {
        var ex = Assert.Throws<GangwayException>(() => PlattCalibration.Fit([0.2, 1.5], [true, false]));

        Assert.Equal("A Platt calibrator needs probabilities in [0, 1]; row 1 has 1.5.", ex.Message);
    }

    [Fact]
    public void FromJson_WrittenCalibrator_ReadsBackEqual()
    {
        var platt = new PlattCalibration(0.4, -0.3);

        var read = ProbabilityCalibrator.FromJson(platt.ToJson(), (key, problem) => new InvalidOperationException(key + " " + problem));

        var copy = Assert.IsType<PlattCalibration>(read);
        Assert.Equal((0.4, -0.3), (copy.Slope, copy.Offset));
    }

    [Fact]
    public void FromJson_NegativeSlope_IsCorrupt()
    {
        var json = new JsonObject { ["method"] = "platt", ["slope"] = -1.0, ["offset"] = 0.0 };

        var ex = Assert.Throws<InvalidOperationException>(() => ProbabilityCalibrator.FromJson(json, (key, problem) => new InvalidOperationException(key + " " + problem)));

        Assert.Equal("slope is negative", ex.Message);
    }
}
