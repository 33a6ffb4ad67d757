using Gangway.Monitoring;
using Gangway.Monitoring.Drift;
using static Gangway.Tests.Monitoring.Drift.DriftTestData;

namespace Gangway.Tests.Monitoring.Drift;

public class WassersteinDistanceTests
{
    private readonly IDriftTest _wasserstein = DriftTestCatalog.Get("wasserstein");

    [Fact]
    public void Compute_ShiftByOneStandardDeviation_GivesOne()
    {
        // Reference {0, 2}: mean 1, standard deviation 1. Shifting by 1 moves all the mass by 1: W1 = 1.
        var statistic = _wasserstein.Compute(Numbers(0, 2), Numbers(1, 3));

        Assert.Equal(1.0, statistic.Value!.Value, 12);
        Assert.Null(statistic.PValue);
    }

    [Fact]
    public void Compute_UnequalSpread_IntegratesTheCdfGap()
    {
        // Reference {0, 4}: sd 2. Current {2}: |F_ref - F_cur| = 0.5 on [0, 2) and on [2, 4): W1 = 2, normalised 1.
        Assert.Equal(1.0, _wasserstein.Compute(Numbers(0, 4), Numbers(2)).Value!.Value, 12);
    }

    [Fact]
    public void Compute_ConstantReference_DividesByItsAbsoluteValueAndSaysSo()
    {
        var statistic = _wasserstein.Compute(Numbers(5, 5, 5), Numbers(6, 6));

        Assert.Equal(0.2, statistic.Value!.Value, 12);
        Assert.Contains("constant", statistic.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_ConstantReferenceAtZero_IsNotNormalised()
    {
        Assert.Equal(1.0, _wasserstein.Compute(Numbers(0, 0), Numbers(1)).Value!.Value, 12);
    }

    [Fact]
    public void Compute_WeightedValues_AgreeWithRepeatedValues()
    {
        var weighted = new NumericDistribution([1, 2, 3], [2, 1, 3]);
        var current = Numbers(2, 3, 4, 5);

        Assert.Equal(_wasserstein.Compute(Numbers(1, 1, 2, 3, 3, 3), current).Value!.Value, _wasserstein.Compute(weighted, current).Value!.Value, 12);
    }
}
