using Gangway.OnlineEvaluation;

namespace Gangway.Tests.OnlineEvaluation;

public class DeploymentDecisionTests
{
    private static readonly DecisionRules Rules = new(
        "champion",
        PromoteWhen: new DecisionRule(DecisionMetric.Accuracy, Margin: 0.01, MinimumLabelled: 200),
        RollbackWhen: new DecisionRule(DecisionMetric.Accuracy, Margin: 0.02, MinimumLabelled: 200));

    [Fact]
    public void Decide_IntervalAboveThePromoteMargin_PromotesAndSaysWhy()
    {
        var test = Test(difference: 0.04, lower: 0.015, upper: 0.065);

        var decision = DeploymentDecision.Decide(Rules, "challenger", false, test, test);

        Assert.Equal(DecisionOutcome.Promote, decision.Outcome);
        Assert.False(decision.Acts); // report only
        Assert.Equal(
            "'challenger' is better than 'champion' on accuracy: lead +0.040 (challenger - champion), always-valid 95% interval "
            + "[+0.015, +0.065], p = 0.003, 1,000 vs 4,000 records, wholly above 0.010 (promote_when).",
            decision.Reason);
    }

    [Fact]
    public void Decide_IntervalAboveZeroButNotTheMargin_KeepsRunning()
    {
        var test = Test(difference: 0.03, lower: 0.005, upper: 0.055);

        var decision = DeploymentDecision.Decide(Rules, "challenger", false, test, test);

        Assert.Equal(DecisionOutcome.KeepRunning, decision.Outcome);
        Assert.Contains("clears neither the promote margin 0.010 nor the rollback margin -0.020", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_LowerIsBetterMetricGotWorse_RollsBackAndActsWhenAuto()
    {
        var rules = Rules with { RollbackWhen = new DecisionRule(DecisionMetric.LogLoss, Margin: 0.01, MinimumLabelled: 200), Decide = DecisionMode.Auto };
        // Log loss 0.05 higher for the challenger: its lead is -0.05.
        var rollback = Test(difference: 0.05, lower: 0.03, upper: 0.07);

        var decision = DeploymentDecision.Decide(rules, "challenger", false, Test(0.04, 0.015, 0.065), rollback);

        Assert.Equal(DecisionOutcome.Rollback, decision.Outcome);
        Assert.True(decision.Acts);
        Assert.StartsWith(
            "'challenger' is worse than 'champion' on log_loss: lead -0.050 (champion - challenger, lower is better), always-valid 95% interval [-0.070, -0.030]",
            decision.Reason,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_TooFewLabelled_IsCollectingEvenWhenTheIntervalClears()
    {
        var test = Test(difference: 0.2, lower: 0.1, upper: 0.3, challengerRecords: 150);

        var decision = DeploymentDecision.Decide(Rules, "challenger", false, test, test);

        Assert.Equal(DecisionOutcome.Collecting, decision.Outcome);
        Assert.Equal("Collecting: accuracy has 150 records of 'challenger' and 4,000 of 'champion'; the rule needs 200 each.", decision.Reason);
    }

    [Fact]
    public void Decide_OnlyAPromoteRuleNotCleared_KeepsRunningNamingThatMargin()
    {
        var rules = Rules with { RollbackWhen = null };
        var test = Test(difference: -0.03, lower: -0.05, upper: -0.01);

        var decision = DeploymentDecision.Decide(rules, "challenger", false, test, null);

        Assert.Equal(DecisionOutcome.KeepRunning, decision.Outcome);
        Assert.EndsWith("which does not clear the promote margin 0.010.", decision.Reason, StringComparison.Ordinal);
        Assert.Null(decision.RollbackTest);
    }

    [Fact]
    public void Decide_NoRules_KeepsRunning()
    {
        var decision = DeploymentDecision.Decide(new DecisionRules("champion"), "challenger", false, null, null);

        Assert.Equal(DecisionOutcome.KeepRunning, decision.Outcome);
        Assert.Throws<ArgumentException>(() => DeploymentDecision.Decide(Rules, "challenger", false, null, null));
    }

    [Fact]
    public void Rules_Invalid_AreRejectedNamingTheRule()
    {
        var error = Assert.Throws<GangwayException>(() => (Rules with { PromoteWhen = new DecisionRule(DecisionMetric.Accuracy, Margin: -1) }).Validated());

        Assert.Equal("Rule 'promote_when': margin must be a number of at least 0; it is -1.", error.Message);
        Assert.Contains("roc_auc has no value per record", Assert.Throws<GangwayException>(() => DecisionMetrics.Parse("roc_auc")).Message, StringComparison.Ordinal);
        Assert.Equal(DecisionMetric.LogLoss, DecisionMetrics.Parse("log_loss"));
    }

    private static SequentialTestResult Test(double difference, double lower, double upper, long challengerRecords = 1000) =>
        new(false, 4000, challengerRecords, difference, lower, upper, 0.003, 0.95);
}
