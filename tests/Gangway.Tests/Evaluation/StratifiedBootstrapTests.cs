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
}
