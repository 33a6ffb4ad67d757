using Gangway.Evaluation;

namespace Gangway.Tests.Evaluation;

public class CalibrationErrorIntervalTests
{
    [Fact]
    public void Compute_AgreesWithTheRowBootstrapAndNarrowsWithRows()
    {
        var (actual, probability) = Miscalibrated(2000, seed: 1);
        var ece = CalibrationTable.ExpectedError(actual, probability);
        var rowBootstrap = BootstrapIntervals.Of(
            BootstrapIntervals.Replicates(actual, [(probability, [.. probability.Select(p => p >= 0.5)])], [], 1, new BootstrapOptions { Resamples = 500, Seed = 3 })[0],
            0,
            1,
            new BootstrapOptions { Resamples = 500 }).Intervals["expected_calibration_error"];

        var interval = CalibrationErrorInterval.Compute(actual, probability, 0.95, 1000, seed: 3)!;
        var (larger, largerProbability) = Miscalibrated(20_000, seed: 2);
        var narrower = CalibrationErrorInterval.Compute(larger, largerProbability, 0.95, 1000, seed: 3)!;

        Assert.InRange(ece, interval.Lower, interval.Upper);
        // The row bootstrap is stratified by class and this one is not, so they agree roughly, not exactly.
        Assert.Equal(rowBootstrap.Lower, interval.Lower, 0.01);
        Assert.Equal(rowBootstrap.Upper, interval.Upper, 0.01);
        Assert.True(narrower.Upper - narrower.Lower < (interval.Upper - interval.Lower) / 2);
        Assert.Equal(interval, CalibrationErrorInterval.Compute(actual, probability, 0.95, 1000, seed: 3));
    }

    // Outcomes drawn at 0.8 × the stated probability: a model that overstates by a fifth.
    private static (bool[] Actual, double[] Probability) Miscalibrated(int rows, int seed)
    {
        var random = new Random(seed);
        double[] probability = [.. Enumerable.Range(0, rows).Select(_ => random.NextDouble())];
        return ([.. probability.Select(p => random.NextDouble() < 0.8 * p)], probability);
    }
}
