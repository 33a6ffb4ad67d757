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
            var bin = Math.Min((int)Math.Floor(probability[i] * BinCount), BinCount - 1);
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
}
