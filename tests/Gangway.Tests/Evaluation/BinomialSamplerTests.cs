using Gangway.Evaluation;

namespace Gangway.Tests.Evaluation;

public class BinomialSamplerTests
{
    [Theory]
    [InlineData(10, 0.3)]
    [InlineData(1000, 0.5)]
    [InlineData(620_000, 0.002)]
    [InlineData(380_000, 0.97)]
    [InlineData(5, 0.999)]
    public void Sample_ManyDraws_HaveTheBinomialMeanAndVariance(int trials, double p)
    {
        var random = new Random(17);
        const int Draws = 40_000;
        double sum = 0, squares = 0;

        for (var i = 0; i < Draws; i++)
        {
            var k = BinomialSampler.Sample(trials, p, random.NextDouble());
            Assert.InRange(k, 0, trials);
            sum += k;
            squares += (double)k * k;
        }

        var (mean, variance) = (sum / Draws, (squares / Draws) - ((sum / Draws) * (sum / Draws)));
        var expectedVariance = trials * p * (1 - p);
        Assert.InRange(mean, (trials * p) - (5 * Math.Sqrt(expectedVariance / Draws)), (trials * p) + (5 * Math.Sqrt(expectedVariance / Draws)));
        Assert.InRange(variance, expectedVariance * 0.95, expectedVariance * 1.05);
    }

    [Fact]
    public void Sample_SmallCase_MatchesEveryProbability()
    {
        // Binomial(3, 0.25): 27/64, 27/64, 9/64, 1/64. Inverting uniforms on a fine grid must give those shares.
        var counts = new int[4];
        const int Grid = 64_000;
        for (var i = 0; i < Grid; i++)
        {
            counts[BinomialSampler.Sample(3, 0.25, (i + 0.5) / Grid)]++;
        }

        Assert.Equal([27_000, 27_000, 9_000, 1_000], counts);
    }

    [Theory]
    [InlineData(0, 0.5, 0)]
    [InlineData(7, 0, 0)]
    [InlineData(7, 1, 7)]
    public void Sample_Degenerate_IsCertain(int trials, double p, int expected)
    {
        Assert.Equal(expected, BinomialSampler.Sample(trials, p, 0.999));
        Assert.Equal(expected, BinomialSampler.Sample(trials, p, 0));
    }
}
