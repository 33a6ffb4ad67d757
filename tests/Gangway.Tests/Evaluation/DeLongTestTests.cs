using Gangway.Evaluation;

namespace Gangway.Tests.Evaluation;

public class DeLongTestTests
{
    [Theory]
    [InlineData(1, 40, 8)]
    [InlineData(2, 120, 5)]
    [InlineData(3, 301, 1000)]
    public void Compare_RandomScoresWithTies_MatchesPairwisePlacementDefinition(int seed, int rows, int levels)
    {
        var random = new Random(seed);
        var actual = Enumerable.Range(0, rows).Select(_ => random.NextDouble() < 0.35).ToArray();
        // The second model is correlated with the first, as two models of the same rows are; few levels force ties.
        var first = actual.Select(a => Level(random, a ? 0.3 : 0, levels)).ToArray();
        var second = first.Select(f => Math.Round((f + (random.NextDouble() * 0.5)) / 1.5 * levels) / levels).ToArray();

        var result = DeLongTest.Compare(actual, first, second, 0.9);
        var expected = Reference(actual, first, second);

        Assert.Equal(expected.First, result.First, 1e-12);
        Assert.Equal(expected.Second, result.Second, 1e-12);
        Assert.Equal(expected.Second - expected.First, result.Difference, 1e-12);
        Assert.Equal(expected.StandardError, result.StandardError, 1e-12);
        Assert.Equal(result.Difference / result.StandardError, result.Z!.Value, 1e-12);
        // Standard normal: P(|Z| > 1.6448536...) = 0.10, so the 90% interval is the difference ± 1.6449 SE.
        Assert.Equal(result.Difference - (1.6448536269514722 * result.StandardError), result.Lower, 1e-9);
        Assert.Equal(result.Difference + (1.6448536269514722 * result.StandardError), result.Upper, 1e-9);
        Assert.Equal(MathNet.Numerics.SpecialFunctions.Erfc(Math.Abs(result.Z.Value) / Math.Sqrt(2)), result.PValue, 1e-12);
    }

    [Fact]
    public void Compare_HandWorkedExample_GivesTheKnownVariance()
    {
        // Positives 0.9, 0.6; negatives 0.7, 0.2 for A; B ranks perfectly.
        // A: positive placements 1, 0.5; negative placements 0.5, 0 → AUC 0.75; S10 = 0.125, S01 = 0.125.
        // B: placements all 1 and 0 → AUC 1, no variance; Var(B - A) = 0.125/2 + 0.125/2 = 0.125.
        var result = DeLongTest.Compare([true, true, false, false], [0.9, 0.6, 0.7, 0.2], [0.9, 0.8, 0.7, 0.2]);

        Assert.Equal(0.75, result.First, 1e-12);
        Assert.Equal(1.0, result.Second, 1e-12);
        Assert.Equal(Math.Sqrt(0.125), result.StandardError, 1e-12);
        Assert.Equal(0.25 / Math.Sqrt(0.125), result.Z!.Value, 1e-12);
    }

    [Fact]
    public void Compare_SameScores_IsNoDifferenceWithPValueOne()
    {
        var actual = new[] { true, false, true, false, false, true };
        var scores = new[] { 0.8, 0.4, 0.4, 0.1, 0.9, 0.7 };

        var result = DeLongTest.Compare(actual, scores, scores);

        Assert.Equal(0, result.Difference);
        Assert.Equal(0, result.StandardError);
        Assert.Equal(0, result.Z);
        Assert.Equal(1, result.PValue);
        Assert.Equal((0.0, 0.0), (result.Lower, result.Upper));
    }

    [Fact]
    public void Compare_ConstantAgainstPerfectScores_IsCertain()
    {
        var result = DeLongTest.Compare([true, true, false, false], [0.5, 0.5, 0.5, 0.5], [0.9, 0.8, 0.2, 0.1]);

        Assert.Equal(0.5, result.Difference, 1e-12);
        Assert.Null(result.Z);
        Assert.Equal(0, result.PValue);
    }

    [Fact]
    public void Compare_OnePositiveRow_SaysTwoOfEachAreNeeded()
    {
        var error = Assert.Throws<GangwayException>(() => DeLongTest.Compare([true, false, false], [0.1, 0.2, 0.3], [0.1, 0.2, 0.3]));

        Assert.Equal(ErrorKind.InvalidInput, error.Kind);
        Assert.Contains("at least two positive and two negative rows; there are 1 positive and 2 negative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Midranks_Ties_ShareTheMeanRank()
    {
        Assert.Equal([2.5, 1, 2.5, 4], DeLongTest.Midranks([0.5, 0.1, 0.5, 0.9]));
    }

    private static double Level(Random random, double shift, int levels) => Math.Round(Math.Min(1, random.NextDouble() + shift) * levels) / levels;

    // DeLong's definition, straight from the pairs: psi(x, y) = 1 if x > y, 1/2 if equal, 0 otherwise.
    private static (double First, double Second, double StandardError) Reference(bool[] actual, double[] first, double[] second)
    {
        var positives = Enumerable.Range(0, actual.Length).Where(i => actual[i]).ToArray();
        var negatives = Enumerable.Range(0, actual.Length).Where(i => !actual[i]).ToArray();
        double Psi(double x, double y) => x > y ? 1 : x == y ? 0.5 : 0;
        double[] V10(double[] s) => [.. positives.Select(i => negatives.Average(j => Psi(s[i], s[j])))];
        double[] V01(double[] s) => [.. negatives.Select(j => positives.Average(i => Psi(s[i], s[j])))];
        double Cov(double[] x, double[] y) => Enumerable.Range(0, x.Length).Sum(k => (x[k] - x.Average()) * (y[k] - y.Average())) / (x.Length - 1);
        var (a10, a01, b10, b01) = (V10(first), V01(first), V10(second), V01(second));
        var variance = ((Cov(a10, a10) + Cov(b10, b10) - (2 * Cov(a10, b10))) / positives.Length)
            + ((Cov(a01, a01) + Cov(b01, b01) - (2 * Cov(a01, b01))) / negatives.Length);
        return (a10.Average(), b10.Average(), Math.Sqrt(variance));
    }
}
