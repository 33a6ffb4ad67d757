using CsCheck;
using Gangway.Deployment;
using Gangway.Stores;

namespace Gangway.Tests.Deployment;

public class StickyRouterTests
{
    // Weights 0..100 for 2..6 variants, at least one above zero.
    private static readonly Gen<double[]> Weights = Gen.Int[0, 100].Array[2, 6]
        .Where(w => w.Any(x => x > 0))
        .Select(w => w.Select(x => (double)x).ToArray());

    // Non-empty routing keys (an empty key is routed at random, like none).
    private static readonly Gen<string[]> Keys = Gen.String.Where(s => s.Length > 0).Array[1, 20];

    [Fact]
    public void BucketOf_IsXxHash64OfTheUtf8TextModuloTheBucketCount()
    {
        // The published XxHash64 (seed 0) of no bytes is 0xEF46DB3751D8E999: the same in every process and on every machine.
        Assert.Equal((int)(0xEF46DB3751D8E999UL % StickyRouter.BucketCount), StickyRouter.BucketOf(""));
    }

    [Fact]
    public void BucketOf_LongKey_HashesAllOfIt()
    {
        var key = new string('k', 5000);

        Assert.NotEqual(StickyRouter.BucketOf(key), StickyRouter.BucketOf(key[..4999] + "j"));
        Assert.Equal(StickyRouter.BucketOf(key), StickyRouter.BucketOf(new string('k', 5000)));
    }

    [Fact]
    public void Route_SameKey_SameVariantFromAnyRouterWithTheSameWeights()
    {
        Gen.Select(Weights, Keys).Sample((weights, keys) =>
        {
            var first = Router(weights);
            var second = Router(weights);
            return keys.All(key => first.Route(key) == second.Route(key) && first.Route(key) == first.Route(key));
        }, iter: 200);
    }

    [Fact]
    public void Route_VariantsListedInAnotherOrder_SameVariantName()
    {
        Gen.Select(Weights, Keys).Sample((weights, keys) =>
        {
            var names = weights.Select((_, i) => $"v{i}").ToArray();
            var forward = Router(weights, names);
            var backward = Router([.. weights.Reverse()], [.. names.Reverse()]);
            return keys.All(key => forward.Variants[forward.Route(key)] == backward.Variants[backward.Route(key)]);
        }, iter: 100);
    }

    [Fact]
    public void RaisingOneWeight_MovesBucketsOnlyIntoThatVariant()
    {
        Gen.Select(Weights, Gen.Int[0, 5], Gen.Int[1, 100]).Sample((weights, pick, raise) =>
        {
            var raised = pick % weights.Length;
            var before = Router(weights);
            var after = Router([.. weights.Select((w, i) => i == raised ? w + raise : w)]);
            return Enumerable.Range(0, StickyRouter.BucketCount)
                .All(b => after.VariantOfBucket(b) == before.VariantOfBucket(b) || after.VariantOfBucket(b) == raised);
        }, iter: 100);
    }

    [Fact]
    public void AddingAVariant_MovesBucketsOnlyIntoTheNewVariant()
    {
        Gen.Select(Weights, Gen.Int[1, 100]).Sample((weights, added) =>
        {
            var before = Router(weights);
            var after = Router([.. weights, added]);
            return Enumerable.Range(0, StickyRouter.BucketCount)
                .All(b => after.VariantOfBucket(b) == before.VariantOfBucket(b) || after.VariantOfBucket(b) == weights.Length);
        }, iter: 50);
    }

    [Fact]
    public void RaisingTheChallenger_From10To20_KeepsEveryChallengerKeyAndMovesOnlyChampionKeys()
    {
        var before = Router([90, 10]);
        var after = Router([80, 20]);

        var moved = Enumerable.Range(0, StickyRouter.BucketCount).Count(b => before.VariantOfBucket(b) != after.VariantOfBucket(b));

        Assert.All(Enumerable.Range(0, StickyRouter.BucketCount).Where(b => before.VariantOfBucket(b) == 1), b => Assert.Equal(1, after.VariantOfBucket(b)));
        // About a tenth of the buckets move (from the champion), not the reshuffle a plain hash-modulo layout would cause.
        Assert.InRange(moved, 800, 1200);
    }

    [Theory]
    [InlineData(new double[] { 80, 20 })]
    [InlineData(new double[] { 90, 10 })]
    [InlineData(new double[] { 1, 1, 1 })]
    [InlineData(new double[] { 50, 30, 20 })]
    [InlineData(new double[] { 5, 0, 95 })]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6 })]
    public void Buckets_SharePerVariant_MatchesTheWeights(double[] weights)
    {
        var router = Router(weights);
        var counts = new int[weights.Length];
        for (var b = 0; b < StickyRouter.BucketCount; b++)
        {
            counts[router.VariantOfBucket(b)]++;
        }

        // The buckets are fixed, so this chi-squared test gives the same answer on every run: it cannot flake.
        var positive = weights.Select((w, i) => (w, i)).Where(x => x.w > 0).ToList();
        var total = weights.Sum();
        var chiSquared = positive.Sum(x =>
        {
            var expected = StickyRouter.BucketCount * x.w / total;
            return (counts[x.i] - expected) * (counts[x.i] - expected) / expected;
        });
        Assert.True(chiSquared < ChiSquaredCritical999[positive.Count - 1], $"chi-squared {chiSquared:F2} for counts {string.Join(", ", counts)}");
        Assert.All(weights.Select((w, i) => (w, i)).Where(x => x.w == 0), x => Assert.Equal(0, counts[x.i]));
    }

    [Fact]
    public void Route_NoKey_SplitsAtRandomByWeightWithTheGivenRandom()
    {
        var router = Router([70, 0, 30], random: new Random(7));
        var counts = new int[3];
        for (var i = 0; i < 100_000; i++)
        {
            counts[router.Route((string?)null)]++;
        }

        Assert.Equal(0, counts[1]);
        Assert.InRange(counts[0], 69_000, 71_000);
        Assert.Equal(Sequence(Router([70, 0, 30], random: new Random(7))), Sequence(Router([70, 0, 30], random: new Random(7))));
        Assert.NotEqual(Sequence(Router([70, 0, 30], random: new Random(7))), Sequence(Router([70, 0, 30], random: new Random(8))));
    }

    [Fact]
    public void Route_EmptyKey_IsRoutedAtRandomLikeNoKey()
    {
        Assert.Equal(Sequence(Router([50, 50], random: new Random(3))), Sequence(Router([50, 50], random: new Random(3)), key: ""));
    }

    [Fact]
    public void Route_ManyKeys_AllocatesNothing()
    {
        var router = Router([80, 20]);
        var keys = Enumerable.Range(0, 1000).Select(i => $"customer-{i}").ToArray();
        var sink = 0;
        foreach (var key in keys)
        {
            sink += router.Route(key);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < 10; round++)
        {
            foreach (var key in keys)
            {
                sink += router.Route(key);
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.InRange(sink, 1, int.MaxValue);
    }

    [Theory]
    [InlineData(new double[0])]
    [InlineData(new double[] { 0, 0 })]
    [InlineData(new double[] { 1, -1 })]
    [InlineData(new double[] { 1, double.PositiveInfinity })]
    public void Constructor_NoUsableWeights_Throws(double[] weights)
    {
        Assert.Throws<ArgumentException>(() => Router(weights));
    }

    // Critical values of the chi-squared distribution at 0.999 for 0..5 degrees of freedom (variants with weight minus one).
    private static readonly double[] ChiSquaredCritical999 = [double.PositiveInfinity, 10.83, 13.82, 16.27, 18.47, 20.52];

    private static List<int> Sequence(StickyRouter router, string? key = null) => [.. Enumerable.Range(0, 50).Select(_ => router.Route(key))];

    private static StickyRouter Router(double[] weights, string[]? names = null, Random? random = null) =>
        new(weights.Select((w, i) => new DeploymentVariant(names?[i] ?? $"v{i}", new ModelReference("m", null, i + 1), w)), random);
}
