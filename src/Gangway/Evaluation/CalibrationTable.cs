namespace Gangway.Evaluation;

/// <summary>Builds the ten equal-width calibration bins of <see cref="Metrics.Calibration"/>.</summary>
internal static class CalibrationTable
{
    public const int BinCount = 10;

    public static IReadOnlyList<CalibrationBin> Compute(bool[] actual, double[] probability)
    {
        var counts = new int[BinCount];
        var sums = new double[BinCount];
        var positives = new int[BinCount];
        for (var i = 0; i < actual.Length; i++)
        {
            var bin = BinOf(probability[i]);
            counts[bin]++;
            sums[bin] += probability[i];
            positives[bin] += actual[i] ? 1 : 0;
        }

        var bins = new List<CalibrationBin>();
        for (var bin = 0; bin < BinCount; bin++)
        {
            if (counts[bin] > 0)
            {
                // i / 10.0 rather than i * 0.1 so bounds print as 0.3, not 0.30000000000000004.
                bins.Add(new CalibrationBin(
                    (double)bin / BinCount,
                    (double)(bin + 1) / BinCount,
                    counts[bin],
                    sums[bin] / counts[bin],
                    (double)positives[bin] / counts[bin]));
            }
        }

        return bins.AsReadOnly();
    }

    /// <summary>The bin of a probability in [0, 1]: [0.1·b, 0.1·(b + 1)), the last bin including 1.</summary>
    public static int BinOf(double probability) => Math.Min((int)Math.Floor(probability * BinCount), BinCount - 1);

    /// <summary>The expected calibration error of <paramref name="probability"/>, over the bins of <see cref="Compute"/>.</summary>
    public static double ExpectedError(bool[] actual, double[] probability) => ExpectedError(Compute(actual, probability), actual.Length);

    /// <summary>
    /// Σ over <paramref name="bins"/> of (bin rows / <paramref name="rows"/>) × |mean predicted − observed rate|; 0 without rows.
    /// </summary>
    public static double ExpectedError(IReadOnlyList<CalibrationBin> bins, int rows) =>
        rows == 0 ? 0 : bins.Sum(b => b.Count * Math.Abs(b.MeanPredicted - b.ObservedRate)) / rows;
}
