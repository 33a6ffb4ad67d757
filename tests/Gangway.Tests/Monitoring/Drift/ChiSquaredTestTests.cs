using Gangway.Monitoring;
using Gangway.Monitoring.Drift;
using static Gangway.Tests.Monitoring.Drift.DriftTestData;

namespace Gangway.Tests.Monitoring.Drift;

public class ChiSquaredTestTests
{
    private readonly IDriftTest _chi2 = DriftTestCatalog.Get("chi2");

    [Fact]
    public void Compute_ThreeCategories_GivesPearsonStatisticAndPValue()
    {
        var statistic = _chi2.Compute(Categories(("a", 50), ("b", 30), ("c", 20)), Categories(("a", 40), ("b", 40), ("c", 20)));

        // Expected 50, 30, 20: χ² = 100/50 + 100/30 = 16/3; with 2 degrees of freedom p = exp(−χ²/2).
        Assert.Equal(16.0 / 3, statistic.Value!.Value, 12);
        Assert.Equal(Math.Exp(-8.0 / 3), statistic.PValue!.Value, 10);
    }

    [Fact]
    public void Compute_CategoryTheReferenceNeverHad_IsInfiniteWithPValueZero()
    {
        var statistic = _chi2.Compute(Categories(("a", 50), ("b", 50)), Categories(("a", 40), ("d", 1)));

        Assert.Equal(double.PositiveInfinity, statistic.Value);
        Assert.Equal(0, statistic.PValue);
        Assert.True(statistic.IsDrift(DriftThresholdKind.PValueBelow, 0.05));
    }

    [Fact]
    public void Compute_CategoryInTheReferencesOtherBin_IsPooledNotInfinite()
    {
        var reference = new CategoryDistribution(new Dictionary<string, double> { ["a"] = 80 }, otherCount: 20);

        // "d" and "e" are not itemised by the reference, so they are compared with its other categories: 20 against 20.
        var statistic = _chi2.Compute(reference, Categories(("a", 80), ("d", 15), ("e", 5)));

        Assert.Equal(0, statistic.Value!.Value, 12);
        Assert.Equal(1, statistic.PValue!.Value, 12);
    }

    [Fact]
    public void Compute_CurrentSketchWithOtherCategories_PoolsTheReferenceCategoriesItDoesNotItemise()
    {
        var current = new CategoryDistribution(new Dictionary<string, double> { ["a"] = 50 }, otherCount: 50);

        // b and c (50 of 100 in the reference) may be in the current other count: 50 against 50, no drift.
        var statistic = _chi2.Compute(Categories(("a", 50), ("b", 30), ("c", 20)), current);

        Assert.Equal(0, statistic.Value!.Value, 12);
        Assert.Equal(1, statistic.PValue!.Value, 12);
    }

    [Fact]
    public void Compute_SingleReferenceCategory_HasPValueOne()
    {
        var statistic = _chi2.Compute(Categories(("a", 5)), Categories(("a", 9)));

        Assert.Equal(1, statistic.PValue);
    }

    [Fact]
    public void Compute_WeightedCounts_AgreeWithRepeatedValues()
    {
        var counts = CategoryDistribution.Of(["a", "a", "b", "c", "c", "c"]);
        var weighted = Categories(("a", 2), ("b", 1), ("c", 3));
        var current = Categories(("a", 5), ("b", 1), ("c", 1));

        Assert.Equal(_chi2.Compute(counts, current), _chi2.Compute(weighted, current));
    }
}
