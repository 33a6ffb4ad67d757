using Gangway.Evaluation;

namespace Gangway.Tests.Evaluation;

public class StratifiedBootstrapTests
{
    private static readonly bool[] Actual = [.. Enumerable.Range(0, 50).Select(i => i % 5 == 0)];

    [Fact]
    public void Fill_AnyResample_KeepsTheCountOfEachClass()
    {
        var bootstrap = new StratifiedBootstrap(Actual, seed: 7);
        var counts = new int[Actual.Length];

        for (var resample = 0; resample < 20; resample++)
        {
            bootstrap.Fill(resample, counts);

            Assert.Equal(10, Enumerable.Range(0, Actual.Length).Where(i => Actual[i]).Sum(i => counts[i]));
            Assert.Equal(40, Enumerable.Range(0, Actual.Length).Where(i => !Actual[i]).Sum(i => counts[i]));
            Assert.Contains(counts, c => c == 0);
            Assert.Contains(counts, c => c > 1);
        }
    }

    [Fact]
    public void Fill_SameSeedAndResample_GivesSameCounts_OtherSeedOrResampleDiffers()
    {
        int[] Draw(int seed, int resample)
        {
            var counts = new int[Actual.Length];
            new StratifiedBootstrap(Actual, seed).Fill(resample, counts);
            return counts;
        }

        Assert.Equal(Draw(3, 5), Draw(3, 5));
        Assert.NotEqual(Draw(3, 5), Draw(4, 5));
        Assert.NotEqual(Draw(3, 5), Draw(3, 6));
    }

    [Fact]
    public void Fill_CountsOfWrongLength_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new StratifiedBootstrap(Actual, 1).Fill(0, new int[3]));
    }

    [Theory]
    // Few rows per distinct row (drawn one by one through an alias table) and many (drawn as binomials).
    [InlineData(1)]
    [InlineData(1000)]
    public void Fill_WithMultiplicities_KeepsClassTotals_AndDrawsEachRowInProportion(int scale)
    {
        // Distinct rows standing for 3, 1 and 6 positives and 5 and 15 negatives, times the scale.
        bool[] actual = [true, false, true, true, false];
        int[] multiplicity = [.. new[] { 3, 5, 1, 6, 15 }.Select(m => m * scale)];
        var bootstrap = new StratifiedBootstrap(actual, multiplicity, seed: 11);
        var counts = new int[actual.Length];
        var sums = new double[actual.Length];
        var squares = new double[actual.Length];
        const int Resamples = 20000;

        for (var resample = 0; resample < Resamples; resample++)
        {
            bootstrap.Fill(resample, counts);

            Assert.Equal(10 * scale, counts[0] + counts[2] + counts[3]);
            Assert.Equal(20 * scale, counts[1] + counts[4]);
            for (var row = 0; row < actual.Length; row++)
            {
                sums[row] += counts[row];
                squares[row] += (double)counts[row] * counts[row];
            }
        }

        // As the sum of the counts of the rows it stands for: binomial(class draws, multiplicity / class size).
        int[] classDraws = [10 * scale, 20 * scale, 10 * scale, 10 * scale, 20 * scale];
        for (var row = 0; row < actual.Length; row++)
        {
            var p = (double)multiplicity[row] / classDraws[row];
            var mean = sums[row] / Resamples;
            var variance = (squares[row] / Resamples) - (mean * mean);
            var expectedVariance = classDraws[row] * p * (1 - p);
            var meanError = 5 * Math.Sqrt(expectedVariance / Resamples);
            Assert.InRange(mean, multiplicity[row] - meanError, multiplicity[row] + meanError);
            Assert.InRange(variance, expectedVariance * 0.95, expectedVariance * 1.05);
        }
    }

    [Fact]
    public void Fill_HeavyAndLightRowsInOneClass_DrawsEachRowAndEachPairAsOneMultinomial()
    {
        // Positives: two heavy rows (binomial draws) and three light ones (alias draws); negatives: the same mixed.
        bool[] actual = [true, true, true, true, true, false, false, false];
        int[] multiplicity = [500, 3, 90, 1, 6, 2, 300, 40];
        var bootstrap = new StratifiedBootstrap(actual, multiplicity, seed: 5);
        var counts = new int[actual.Length];
        var sums = new double[actual.Length];
        var squares = new double[actual.Length];
        double heavyTimesLight = 0;
        const int Resamples = 20000;

        for (var resample = 0; resample < Resamples; resample++)
        {
            bootstrap.Fill(resample, counts);

            Assert.Equal(600, counts[..5].Sum());
            Assert.Equal(342, counts[5..].Sum());
            heavyTimesLight += (double)counts[0] * counts[1];
            for (var row = 0; row < actual.Length; row++)
            {
                sums[row] += counts[row];
                squares[row] += (double)counts[row] * counts[row];
            }
        }

        int[] classDraws = [600, 600, 600, 600, 600, 342, 342, 342];
        for (var row = 0; row < actual.Length; row++)
        {
            var p = (double)multiplicity[row] / classDraws[row];
            var mean = sums[row] / Resamples;
            var variance = (squares[row] / Resamples) - (mean * mean);
            var expectedVariance = classDraws[row] * p * (1 - p);
            var meanError = 5 * Math.Sqrt(expectedVariance / Resamples);
            Assert.InRange(mean, multiplicity[row] - meanError, multiplicity[row] + meanError);
            Assert.InRange(variance, expectedVariance * 0.95, expectedVariance * 1.05);
        }

        // Multinomial: a heavy and a light row of one class compete for the same draws, covariance -n p1 p2 = -2.5.
        var covariance = (heavyTimesLight / Resamples) - (sums[0] / Resamples * (sums[1] / Resamples));
        Assert.InRange(covariance, -2.5 * 1.15, -2.5 * 0.85);
    }

    [Fact]
    public void Fill_MultiplicitiesAllOne_GivesTheSameCountsAsNone()
    {
        var plain = new int[Actual.Length];
        var weighted = new int[Actual.Length];

        new StratifiedBootstrap(Actual, seed: 9).Fill(4, plain);
        new StratifiedBootstrap(Actual, Enumerable.Repeat(1, Actual.Length).ToArray(), seed: 9).Fill(4, weighted);

        Assert.Equal(plain, weighted);
    }

    [Theory]
    [InlineData(new[] { 1, 0, 2 })]
    [InlineData(new[] { 1, 2 })]
    public void Constructor_BadMultiplicities_Throw(int[] multiplicity)
    {
        Assert.Throws<ArgumentException>(() => new StratifiedBootstrap([true, false, true], multiplicity, 1));
    }
}
