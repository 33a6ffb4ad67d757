using Gangway.Comparison;

namespace Gangway.Tests.Comparison;

public class VerdictTests
{
    [Fact]
    public void For_SecondSignificantlyHigher_SaysTheSecondIsBetter()
    {
        Assert.Equal(
            "B is better on roc_auc: +0.031 [+0.004, +0.058], p = 0.02",
            Verdict.For("roc_auc", "A", "B", 0.031, 0.004, 0.058, 0.02, 0.95));
    }

    [Fact]
    public void For_FirstSignificantlyHigher_GivesTheFirstsLead()
    {
        Assert.Equal(
            "A is better on accuracy: +0.050 [+0.010, +0.090], p < 0.001",
            Verdict.For("accuracy", "A", "B", -0.05, -0.09, -0.01, 0.0004, 0.95));
    }

    [Fact]
    public void For_PValueAtOrAboveOneMinusConfidence_FindsNoDetectableDifference()
    {
        Assert.Equal(
            "No detectable difference on accuracy (B - A): +0.020 [-0.010, +0.050], p = 0.15",
            Verdict.For("accuracy", "A", "B", 0.02, -0.01, 0.05, 0.15, 0.95));
        Assert.StartsWith("B is better", Verdict.For("accuracy", "A", "B", 0.02, -0.01, 0.05, 0.08, 0.9), StringComparison.Ordinal);
    }
}
