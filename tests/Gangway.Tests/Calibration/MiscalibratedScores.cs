namespace Gangway.Tests.Calibration;

/// <summary>
/// A synthetic problem with a known answer: each row's true probability q is uniform in (0.02, 0.98), its class is drawn
/// with that probability, and the "model" reports sigmoid(<c>sharpness</c> · logit(q)), overconfident when sharpness &gt; 1.
/// </summary>
internal static class MiscalibratedScores
{
    public static (double[] Probability, bool[] Actual) Draw(int rows, int seed, double sharpness = 3)
    {
        var random = new Random(seed);
        var probability = new double[rows];
        var actual = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            var q = 0.02 + (0.96 * random.NextDouble());
            actual[i] = random.NextDouble() < q;
            probability[i] = 1 / (1 + Math.Exp(-sharpness * Math.Log(q / (1 - q))));
        }

        return (probability, actual);
    }

    /// <summary>The expected calibration error over ten equal-width bins, computed here from its definition.</summary>
    public static double ExpectedCalibrationError(double[] probability, bool[] actual)
    {
        var sums = new double[10];
        var positives = new double[10];
        for (var i = 0; i < probability.Length; i++)
        {
            var bin = Math.Min((int)(probability[i] * 10), 9);
            sums[bin] += probability[i];
            positives[bin] += actual[i] ? 1 : 0;
        }

        return Enumerable.Range(0, 10).Sum(b => Math.Abs(sums[b] - positives[b])) / probability.Length;
    }
}
