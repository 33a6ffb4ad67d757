using Gangway.Evaluation;
using Gangway.OnlineEvaluation;

namespace Gangway.Tests.OnlineEvaluation;

public class OnlineMetricsTests
{
    [Fact]
    public void Compute_EightOfTenRight_GivesAccuracyWithWilsonInterval()
    {
        var observations = Enumerable.Range(0, 10)
            .Select(i => OnlineObservations.Labelled("champion", i < 8 ? 0.9 : 0.2, "1"))
            .Append(new OnlineObservation("champion", false, "unlabelled", DateTimeOffset.UnixEpoch, 0.7, "1", null, null))
            .ToList();

        var metrics = Assert.Single(OnlineMetrics.Compute(observations));

        Assert.Equal(11, metrics.Predictions);
        Assert.Equal(10, metrics.Labelled);
        Assert.Equal(0.8, metrics.Accuracy!.Value, 1e-12);
        // Wilson's 95% interval for 8/10 (e.g. statsmodels proportion_confint(8, 10, method='wilson')).
        Assert.Equal(0.4901625, metrics.Accuracy.Interval!.Lower, 1e-6);
        Assert.Equal(0.9433178, metrics.Accuracy.Interval.Upper, 1e-6);
        Assert.Null(metrics.RocAuc); // one class only
        Assert.Null(metrics.MeanReward);
    }

    [Fact]
    public void Compute_ProbabilityMetrics_AreThoseOfEvaluateOnTheLabelledRecords()
    {
        var observations = OnlineObservations.Simulate(2000, 0.8, 0.9, 0.85, labelledShare: 0.5);
        var champion = observations.Where(o => o.Variant == "champion" && o.Label is not null).ToList();
        bool[] actual = [.. champion.Select(o => o.Label == "1")];
        double[] probability = [.. champion.Select(o => o.Probability!.Value)];
        var expected = MetricsCalculator.Compute(actual, probability, [.. probability.Select(p => p >= 0.5)], "1", "0");

        var metrics = OnlineMetrics.Compute(observations).Single(m => m.Variant == "champion");

        Assert.Equal(champion.Count, metrics.Labelled);
        Assert.Equal(expected.Accuracy, metrics.Accuracy!.Value, 1e-12);
        Assert.Equal(expected.RocAuc!.Value, metrics.RocAuc!.Value, 1e-12);
        Assert.Equal(expected.LogLoss, metrics.LogLoss!.Value, 1e-12);
        Assert.Equal(expected.Brier, metrics.Brier!.Value, 1e-12);
        Assert.Equal(expected.ExpectedCalibrationError, metrics.ExpectedCalibrationError!.Value, 1e-12);
        foreach (var estimate in new[] { metrics.Accuracy, metrics.RocAuc, metrics.LogLoss, metrics.Brier, metrics.ExpectedCalibrationError })
        {
            Assert.InRange(estimate.Value, estimate.Interval!.Lower, estimate.Interval.Upper);
        }
    }

    [Fact]
    public void Compute_ShadowAndServedVariants_AreReportedSeparatelyServedFirst()
    {
        var metrics = OnlineMetrics.Compute(OnlineObservations.Simulate(1000, 0.7, 0.9, 0.8));

        Assert.Equal(["challenger", "champion", "candidate"], metrics.Select(m => m.Variant));
        Assert.Equal([false, false, true], metrics.Select(m => m.IsShadow));
        // The shadow scores every answer, so it is scored against every outcome the served variants are.
        Assert.Equal(metrics[0].Labelled + metrics[1].Labelled, metrics[2].Labelled);
        Assert.True(metrics[0].Accuracy!.Value > metrics[1].Accuracy!.Value);
    }

    [Fact]
    public void Compute_Rewards_GiveTheMeanWithItsNormalInterval()
    {
        double[] rewards = [1, 0, 1, 1];
        var observations = rewards.Select(r => OnlineObservations.Labelled("champion", 0.8, "1", reward: r))
            .Append(new OnlineObservation("champion", false, "no-reward", DateTimeOffset.UnixEpoch, 0.8, "1", "1", null));

        var reward = Assert.Single(OnlineMetrics.Compute(observations)).MeanReward!;

        Assert.Equal(0.75, reward.Value, 1e-12);
        // Sample standard deviation 0.5 over 4 rewards: 0.75 ± 1.959964 × 0.5 / 2.
        Assert.Equal(0.75 - (1.959963984540054 * 0.25), reward.Interval!.Lower, 1e-9);
        Assert.Equal(0.75 + (1.959963984540054 * 0.25), reward.Interval.Upper, 1e-9);
    }

    [Theory]
    [InlineData("yes", null, "field 'label' must be '1' (positive) or '0' (negative); it has 'yes'")]
    [InlineData("1", 1.5, "field 'probability' must be between 0 and 1; it has 1.5")]
    public void Compute_InvalidRecord_NamesRecordFieldRuleAndValue(string label, double? probability, string expected)
    {
        var observation = new OnlineObservation("champion", false, "abc123", DateTimeOffset.UnixEpoch, probability ?? 0.5, "1", label, null);

        var error = Assert.Throws<GangwayException>(() => OnlineMetrics.Compute([observation]));

        Assert.Equal(ErrorKind.InvalidInput, error.Kind);
        Assert.Equal($"Record 'abc123' of variant 'champion': {expected}.", error.Message);
    }

    [Fact]
    public void Compute_OtherLabelTexts_AreReadWithTheConfiguredClasses()
    {
        var observation = new OnlineObservation("champion", false, "a", DateTimeOffset.UnixEpoch, 0.9, "survived", "survived", null);

        var metrics = OnlineMetrics.Compute([observation], new OnlineMetricsOptions { PositiveLabel = "survived", NegativeLabel = "died" });

        Assert.Equal(1, Assert.Single(metrics).Accuracy!.Value);
    }
}
