using Gangway.Monitoring;
using Gangway.Monitoring.Drift;
using static Gangway.Tests.Monitoring.Drift.DriftTestData;

namespace Gangway.Tests.Monitoring.Drift;

public class KolmogorovSmirnovTestTests
{
    private readonly IDriftTest _ks = DriftTestCatalog.Get("ks");

    [Fact]
    public void Compute_ShiftedSamples_GivesTheLargestCdfGapAndTheAsymptoticPValue()
    {
        var statistic = _ks.Compute(Numbers(1, 2, 3, 4), Numbers(3, 4, 5, 6));

        // F_ref(2) = 0.5 against F_cur(2) = 0; effective n = 4·4/8 = 2, so lambda = sqrt(2)·0.5.
        Assert.Equal(0.5, statistic.Value!.Value, 12);
        var lambda = Math.Sqrt(2) * 0.5;
        var expected = 2 * Enumerable.Range(1, 50).Sum(k => (k % 2 == 1 ? 1 : -1) * Math.Exp(-2.0 * k * k * lambda * lambda));
        Assert.Equal(expected, statistic.PValue!.Value, 9);
        Assert.Equal(0.699373, statistic.PValue.Value, 5);
    }

    [Theory]
    [InlineData(0.5, 0.9639452436648751)]
    [InlineData(1.0, 0.26999967167735456)]
    [InlineData(1.36, 0.04948)]
    [InlineData(1.63, 0.00977)]
    public void Survival_KnownTableValues_Agree(double lambda, double expected)
    {
        Assert.Equal(expected, KolmogorovDistribution.Survival(lambda), 4);
    }

    [Fact]
    public void Compute_Identical_GivesZeroAndPValueOne()
    {
        var statistic = _ks.Compute(Numbers(1, 2, 3), Numbers(1, 2, 3));

        Assert.Equal(0, statistic.Value);
        Assert.Equal(1, statistic.PValue);
    }

    [Fact]
    public void Compute_WeightedValues_AgreeWithRepeatedValues()
    {
        var weighted = new NumericDistribution([1, 2, 3], [2, 1, 3]);
        var repeated = Numbers(1, 1, 2, 3, 3, 3);
        var current = Numbers(2, 3, 4, 5);

        Assert.Equal(_ks.Compute(repeated, current), _ks.Compute(weighted, current));
    }

    [Fact]
    public void Compute_EmptyCurrent_SaysNotEnoughData()
    {
        var statistic = _ks.Compute(Numbers(1, 2), Numbers(double.NaN, double.NaN));

        Assert.Null(statistic.Value);
        Assert.Equal(DriftStatistic.NotEnoughData, statistic.Note);
        Assert.False(statistic.IsDrift(DriftThresholdKind.PValueBelow, 0.05));
    }

    [Fact]
    public void Compute_Categories_ThrowsNamingTheTestsForCategories()
    {
        var error = Assert.Throws<GangwayException>(() => _ks.Compute(Categories(("a", 1)), Categories(("a", 1))));

        Assert.Equal(ErrorKind.InvalidInput, error.Kind);
        Assert.Contains("chi2", error.Message, StringComparison.Ordinal);
    }
}
