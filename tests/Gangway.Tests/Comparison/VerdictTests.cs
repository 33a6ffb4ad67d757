using Gangway.Comparison;
using Gangway.Evaluation;

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

    [Fact]
    public void ForInterval_SecondBetter_CitesTheIntervalAndTheMethod()
    {
        Assert.Equal(
            "B is better on f1: +0.040 [+0.010, +0.071] (paired bootstrap)",
            Verdict.ForInterval("f1", "A", "B", 0.04, new ConfidenceInterval(0.01, 0.071), ComparisonOutcome.SecondBetter));
    }

    [Fact]
    public void ForInterval_FirstBetterOnALowerIsBetterMetric_GivesTheFirstsDifferenceOverTheSecond()
    {
        Assert.Equal(
            "A is better on log_loss: -0.050 [-0.080, -0.020] (paired bootstrap)",
            Verdict.ForInterval("log_loss", "A", "B", 0.05, new ConfidenceInterval(0.02, 0.08), ComparisonOutcome.FirstBetter));
    }

    [Fact]
    public void ForInterval_IntervalAroundZero_FindsNoDetectableDifference()
    {
        Assert.Equal(
            "No detectable difference on brier (B - A): -0.004 [-0.012, +0.003] (paired bootstrap)",
            Verdict.ForInterval("brier", "A", "B", -0.004, new ConfidenceInterval(-0.012, 0.003), ComparisonOutcome.NoDetectableDifference));
    }
}
