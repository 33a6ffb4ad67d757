using System.Text.Json.Nodes;
using Gangway.Calibration;

namespace Gangway.Tests.Calibration;

public class IsotonicCalibrationTests
{
    [Fact]
    public void Fit_Violations_ArePooledIntoTheirMean()
    {
        // 1, 0 pool to 0.5; then 1, 0 pool to 0.5 (not below the block before); the last 1 stays.
        var isotonic = IsotonicCalibration.Fit([0.1, 0.2, 0.3, 0.4, 0.5], [true, false, true, false, true]);

        Assert.Equal([0.1, 0.2, 0.3, 0.4, 0.5], isotonic.Thresholds);
        Assert.Equal([0.5, 0.5, 0.5, 0.5, 1], isotonic.Values);
        Assert.Equal(0.75, isotonic.Calibrate(0.45), 1e-12);
        Assert.Equal(0.5, isotonic.Calibrate(0.01));
        Assert.Equal(1, isotonic.Calibrate(0.99));
    }

    [Fact]
    public void Fit_TiedProbabilities_ShareOneValue()
    {
        var isotonic = IsotonicCalibration.Fit([0.3, 0.6, 0.3, 0.3], [true, true, false, false]);

        Assert.Equal([0.3, 0.6], isotonic.Thresholds);
        Assert.Equal(1.0 / 3, isotonic.Values[0], 1e-12);
        Assert.Equal(1, isotonic.Values[1]);
    }

    [Fact]
    public void Fit_RandomScores_IsMonotone()
    {
        var random = new Random(5);
        var probability = Enumerable.Range(0, 2000).Select(_ => random.NextDouble()).ToArray();
        var actual = probability.Select(p => random.NextDouble() < (0.3 + (0.4 * p))).ToArray();

        var isotonic = IsotonicCalibration.Fit(probability, actual);

        Assert.True(isotonic.Thresholds.Zip(isotonic.Thresholds.Skip(1)).All(p => p.First < p.Second));
        Assert.True(isotonic.Values.Zip(isotonic.Values.Skip(1)).All(p => p.First <= p.Second));
        var grid = Enumerable.Range(0, 1001).Select(i => isotonic.Calibrate(i / 1000.0)).ToArray();
        Assert.True(grid.Zip(grid.Skip(1)).All(p => p.First <= p.Second));
        Assert.True(isotonic.Thresholds.Count < probability.Length, "pooled blocks keep only their ends");
    }

    [Fact]
    public void Fit_OverconfidentScores_LowersTheErrorOnFreshRows()
    {
        var (train, trainActual) = MiscalibratedScores.Draw(20_000, seed: 1, sharpness: 3);
        var (test, testActual) = MiscalibratedScores.Draw(20_000, seed: 2, sharpness: 3);

        var isotonic = IsotonicCalibration.Fit(train, trainActual);

        var before = MiscalibratedScores.ExpectedCalibrationError(test, testActual);
        var after = MiscalibratedScores.ExpectedCalibrationError([.. test.Select(isotonic.Calibrate)], testActual);
        Assert.True(before > 0.05, $"the synthetic scores should be miscalibrated; ECE {before}");
        Assert.True(after < 0.02, $"ECE after isotonic calibration {after} (before {before})");
    }

    [Fact]
    public void Constructor_DecreasingValues_SaysWhichPoint()
    {
        var ex = Assert.Throws<GangwayException>(() => new IsotonicCalibration([0.1, 0.2], [0.6, 0.4]));

        Assert.Equal("Isotonic calibration points are invalid: point 1 does not increase from point 0.", ex.Message);
    }

    [Fact]
    public void FromJson_WrittenCalibrator_ReadsBackEqual()
    {
        var isotonic = new IsotonicCalibration([0.1, 0.5, 0.9], [0, 0.5, 0.75]);

        var copy = Assert.IsType<IsotonicCalibration>(ProbabilityCalibrator.FromJson(isotonic.ToJson(), (key, problem) => new InvalidOperationException(key + " " + problem)));

        Assert.Equal(isotonic.Thresholds, copy.Thresholds);
        Assert.Equal(isotonic.Values, copy.Values);
    }

    [Fact]
    public void FromJson_UnknownMethod_IsCorrupt()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => ProbabilityCalibrator.FromJson(new JsonObject { ["method"] = "beta" }, (key, problem) => new InvalidOperationException(key + " " + problem)));

        Assert.Equal("method is 'beta'; expected platt or isotonic", ex.Message);
    }
}
