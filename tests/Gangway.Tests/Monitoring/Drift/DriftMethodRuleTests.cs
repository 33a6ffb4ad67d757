using Gangway.Data;
using Gangway.Monitoring.Drift;

namespace Gangway.Tests.Monitoring.Drift;

public class DriftMethodRuleTests
{
    [Theory]
    [InlineData(ColumnType.Numeric, 6, DriftColumnKind.Numeric)]
    [InlineData(ColumnType.Numeric, 5, DriftColumnKind.Categorical)]
    [InlineData(ColumnType.Text, 100, DriftColumnKind.Categorical)]
    public void KindOf_TypeAndDistinctValues_ComparesAsNumbersOnlyAboveFive(ColumnType type, int distinct, DriftColumnKind expected)
    {
        Assert.Equal(expected, DriftMethodRule.KindOf(type, distinct));
    }

    [Theory]
    [InlineData(DriftColumnKind.Numeric, 1_000, "ks")]
    [InlineData(DriftColumnKind.Numeric, 1_001, "wasserstein")]
    [InlineData(DriftColumnKind.Categorical, 1_000, "chi2")]
    [InlineData(DriftColumnKind.Categorical, 1_001, "jensen_shannon")]
    public void MethodFor_SampleSize_TestsForSmallDistancesForLarge(DriftColumnKind kind, long rows, string expected)
    {
        Assert.Equal(expected, DriftMethodRule.MethodFor(kind, rows));
    }
}
