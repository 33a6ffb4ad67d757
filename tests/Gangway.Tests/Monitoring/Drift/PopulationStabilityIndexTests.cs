using Gangway.Monitoring;
using Gangway.Monitoring.Drift;
using static Gangway.Tests.Monitoring.Drift.DriftTestData;

namespace Gangway.Tests.Monitoring.Drift;

public class PopulationStabilityIndexTests
{
    private readonly IDriftTest _psi = DriftTestCatalog.Get("psi");

    [Fact]
    public void Compute_Categories_SumsShareDifferenceTimesLogRatio()
    {
        var statistic = _psi.Compute(Categories(("a", 50), ("b", 50)), Categories(("a", 75), ("b", 25)));

        // 0.25·ln(1.5) + 0.25·ln(2)
        Assert.Equal(0.2746530721670274, statistic.Value!.Value, 12);
    }

    [Fact]
    public void Compute_NewCategory_UsesEpsilonForTheEmptyReferenceBin()
    {
        var statistic = _psi.Compute(Categories(("a", 1)), Categories(("a", 1), ("b", 1)));

        // (0.5 − 1)·ln(0.5) + (0.5 − 0.0001)·ln(0.5 / 0.0001)
        Assert.Equal(4.60431846666895, statistic.Value!.Value, 10);
    }

    [Fact]
    public void Compute_Numbers_UsesTenReferenceQuantileBins()
    {
        // Reference 1..10: one value per decile bin. Current 1..5: 0.2 in each of the first five bins, none in the rest.
        var statistic = _psi.Compute(Numbers(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), Numbers(1, 2, 3, 4, 5));

        Assert.Equal(3.79699735213155, statistic.Value!.Value, 10);
    }

    [Fact]
    public void Compute_MissingValues_FormTheirOwnBin()
    {
        var reference = new CategoryDistribution(new Dictionary<string, double> { ["a"] = 1 }, 0, missing: 1);
        var current = new CategoryDistribution(new Dictionary<string, double> { ["a"] = 3 }, 0, missing: 1);

        // Shares (a, missing): reference (0.5, 0.5), current (0.75, 0.25).
        Assert.Equal(0.2746530721670274, _psi.Compute(reference, current).Value!.Value, 12);
    }

    [Fact]
    public void Compute_WeightedValues_AgreeWithRepeatedValues()
    {
        var weighted = new NumericDistribution([1, 2, 3, 4], [2, 1, 3, 4]);
        var current = Numbers(2, 3, 4, 5);

        Assert.Equal(_psi.Compute(Numbers(1, 1, 2, 3, 3, 3, 4, 4, 4, 4), current).Value!.Value, _psi.Compute(weighted, current).Value!.Value, 12);
    }
}
