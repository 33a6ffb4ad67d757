using Gangway.Evaluation;

namespace Gangway.Tests.Evaluation;

public class CalibrationTableTests
{
    [Fact]
    public void Compute_SeveralRowsPerBin_GivesCountMeanAndRateAndSkipsEmptyBins()
    {
        var bins = CalibrationTable.Compute(
            [false, true, false, true, true, false],
            [0.05, 0.15, 0.12, 0.95, 1.0, 0.5]);

        Assert.Equal(4, bins.Count);
        Assert.Equal(new CalibrationBin(0.0, 0.1, 1, 0.05, 0.0), bins[0]);
        Assert.Equal((0.1, 0.2, 2, 0.5), (bins[1].Lower, bins[1].Upper, bins[1].Count, bins[1].ObservedRate));
        Assert.Equal(0.135, bins[1].MeanPredicted, 1e-12);
        Assert.Equal(new CalibrationBin(0.5, 0.6, 1, 0.5, 0.0), bins[2]);
        Assert.Equal((0.9, 1.0, 2, 1.0), (bins[3].Lower, bins[3].Upper, bins[3].Count, bins[3].ObservedRate));
        Assert.Equal(0.975, bins[3].MeanPredicted, 1e-12);
    }

    [Fact]
    public void Compute_BinEdges_LowerEdgeIsInclusiveAndOneFallsInLastBin()
    {
        var edges = Enumerable.Range(0, 11).Select(i => i / 10.0).ToArray();

        var bins = CalibrationTable.Compute(new bool[edges.Length], edges);

        Assert.Equal(10, bins.Count);
        Assert.All(bins.Take(9), bin => Assert.Equal(1, bin.Count));
        Assert.Equal(2, bins[9].Count);
        Assert.All(bins, bin => Assert.InRange(bin.MeanPredicted, bin.Lower, bin.Upper));
    }

    [Fact]
    public void ExpectedError_Bins_WeighEachGapByItsShareOfRows()
    {
        // Bins: 0.05 (observed 0), 0.15 (observed 1), two rows of 0.95 (observed 1/2): gaps 0.05, 0.85 and 0.45 × 2 rows.
        var metrics = MetricsCalculator.Compute([false, true, true, false], [0.05, 0.15, 0.95, 0.95], [false, false, true, true], "1", "0");

        Assert.Equal((0.05 + 0.85 + (2 * 0.45)) / 4, metrics.ExpectedCalibrationError, 1e-12);
        Assert.Equal(metrics.ExpectedCalibrationError, CalibrationTable.ExpectedError([false, true, true, false], [0.05, 0.15, 0.95, 0.95]));
    }

    [Fact]
    public void ExpectedError_NoRows_IsZero()
    {
        Assert.Equal(0, CalibrationTable.ExpectedError([], []));
    }
}
