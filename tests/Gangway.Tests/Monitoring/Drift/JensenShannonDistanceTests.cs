using Gangway.Monitoring.Drift;
using static Gangway.Tests.Monitoring.Drift.DriftTestData;

namespace Gangway.Tests.Monitoring.Drift;

public class JensenShannonDistanceTests
{
    private readonly IDriftTest _js = DriftTestCatalog.Get("jensen_shannon");

    [Fact]
    public void Compute_HalfAgainstAll_GivesTheHandComputedDistance()
    {
        // P = (0.5, 0.5), Q = (1, 0), M = (0.75, 0.25): JS = ½(0.2075 + 0.4150) in bits, distance = sqrt.
        var statistic = _js.Compute(Categories(("a", 1), ("b", 1)), Categories(("a", 2)));

        Assert.Equal(0.5579230452841438, statistic.Value!.Value, 12);
    }

    [Fact]
    public void Compute_DisjointCategories_GivesOne()
    {
        Assert.Equal(1.0, _js.Compute(Categories(("a", 3)), Categories(("b", 2))).Value!.Value, 12);
    }

    [Fact]
    public void Compute_SameShares_GivesZero()
    {
        Assert.Equal(0.0, _js.Compute(Categories(("a", 1), ("b", 3)), Categories(("a", 10), ("b", 30))).Value!.Value, 12);
    }

    [Fact]
    public void Compute_SketchesWithOtherCategories_PoolWhatEitherSideDoesNotItemise()
    {
        var reference = new Gangway.Monitoring.CategoryDistribution(new Dictionary<string, double> { ["a"] = 50, ["b"] = 30 }, otherCount: 20);
        var current = new Gangway.Monitoring.CategoryDistribution(new Dictionary<string, double> { ["a"] = 50, ["z"] = 20 }, otherCount: 30);

        // Bins a and other: reference (50, 30 + 20), current (50, 20 + 30): the same shares.
        Assert.Equal(0.0, _js.Compute(reference, current).Value!.Value, 12);
    }

    [Fact]
    public void Compute_Numbers_ComparesReferenceQuantileBins()
    {
        // Reference 1..10 has 0.1 in each of ten bins; current 6..10 has 0.2 in the last five: disjoint halves of M.
        var statistic = _js.Compute(Numbers(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), Numbers(6, 7, 8, 9, 10));

        // P = ten × 0.1, Q = five × 0.2: JS = ½·(0.5·1 + 0.5·log2(0.1/0.15)) + ½·log2(0.2/0.15), in bits.
        var expected = Math.Sqrt(0.5 * (0.5 * 1 + 0.5 * Math.Log2(0.1 / 0.15)) + 0.5 * Math.Log2(0.2 / 0.15));
        Assert.Equal(expected, statistic.Value!.Value, 12);
    }
}
