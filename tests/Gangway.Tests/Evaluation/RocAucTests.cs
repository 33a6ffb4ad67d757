using Gangway.Evaluation;

namespace Gangway.Tests.Evaluation;

public class RocAucTests
{
    [Fact]
    public void Compute_TiedPositiveAndNegative_CountsHalf()
    {
        // Pairs (pos, neg): (0.5, 0.5) tie = 1/2, (0.5, 0.2) = 1, (0.9, 0.5) = 1, (0.9, 0.2) = 1 → 3.5 / 4.
        var auc = RocAuc.Compute([true, true, false, false], [0.5, 0.9, 0.5, 0.2]);

        Assert.Equal(3.5 / 4, auc);
    }

    [Fact]
    public void Compute_AllScoresEqual_IsHalf()
    {
        Assert.Equal(0.5, RocAuc.Compute([true, false, false, true, false], [0.3, 0.3, 0.3, 0.3, 0.3]));
    }

    [Fact]
    public void Compute_NoNegatives_IsNull()
    {
        Assert.Null(RocAuc.Compute([true, true], [0.3, 0.7]));
        Assert.Null(RocAuc.Compute([false], [0.3]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Compute_RandomScoresWithManyTies_MatchesBruteForcePairs(int seed)
    {
        var random = new Random(seed);
        var actual = Enumerable.Range(0, 120).Select(_ => random.NextDouble() < 0.4).ToArray();
        var probability = actual.Select(_ => random.Next(0, 8) / 7.0).ToArray();

        Assert.Equal(BruteForce(actual, probability), RocAuc.Compute(actual, probability)!.Value, 1e-12);
    }

    private static double BruteForce(bool[] actual, double[] probability)
    {
        double wins = 0, pairs = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            for (var j = 0; j < actual.Length; j++)
            {
                if (actual[i] && !actual[j])
                {
                    pairs++;
                    wins += probability[i] > probability[j] ? 1 : probability[i] == probability[j] ? 0.5 : 0;
                }
            }
        }

        return wins / pairs;
    }
}
