using System.Text.Json;
using Gangway.OnlineEvaluation;

namespace Gangway.Tests.OnlineEvaluation;

public class OnlineReportTests
{
    private static readonly DecisionRules Rules = new(
        "champion",
        PromoteWhen: new DecisionRule(DecisionMetric.Accuracy, MinimumLabelled: 100),
        RollbackWhen: new DecisionRule(DecisionMetric.Accuracy, MinimumLabelled: 100));

    [Fact]
    public void Compute_BetterChallengerAndWorseShadow_PromotesOneAndRollsBackTheOtherPaired()
    {
        var observations = OnlineObservations.Simulate(5000, championAccuracy: 0.75, challengerAccuracy: 0.9, shadowAccuracy: 0.6);

        var report = OnlineReport.Compute(observations, Rules);

        var challenger = report.Decisions.Single(d => d.Variant == "challenger");
        var shadow = report.Decisions.Single(d => d.Variant == "candidate");
        Assert.Equal(DecisionOutcome.Promote, challenger.Outcome);
        Assert.False(challenger.PromoteTest!.Paired);
        Assert.Equal(DecisionOutcome.Rollback, shadow.Outcome);
        Assert.True(shadow.RollbackTest!.Paired);
        // The shadow is compared only on the answers the champion gave.
        Assert.Equal(report.Variants.Single(v => v.Variant == "champion").Labelled, shadow.RollbackTest.ChallengerRecords);
        Assert.DoesNotContain(report.Decisions, d => d.Variant == "champion");
    }

    [Fact]
    public void Compute_SameAccuracyOnFewLabels_IsCollectingThenKeepsRunning()
    {
        var few = OnlineReport.Compute(OnlineObservations.Simulate(300, 0.8, 0.8, 0.8, labelledShare: 0.5), Rules);
        var many = OnlineReport.Compute(OnlineObservations.Simulate(4000, 0.8, 0.8, 0.8, seed: 2), Rules);

        Assert.Equal(DecisionOutcome.Collecting, few.Decisions.Single(d => d.Variant == "challenger").Outcome);
        Assert.All(many.Decisions, d => Assert.Equal(DecisionOutcome.KeepRunning, d.Outcome));
    }

    [Fact]
    public void Compute_ChampionWithoutRecords_IsCollecting()
    {
        var observations = OnlineObservations.Simulate(500, 0.8, 0.9, 0.8).Where(o => o.Variant != "champion");

        var report = OnlineReport.Compute(observations, Rules);

        Assert.All(report.Decisions, d => Assert.Equal(DecisionOutcome.Collecting, d.Outcome));
    }

    [Fact]
    public async Task ComputeAsync_OnlyRecordsWithFeedbackAndCounts_SameReportAsFromEveryRecordWithCountedVariantsAdded()
    {
        var observations = OnlineObservations.Simulate(2000, 0.75, 0.9, 0.6, labelledShare: 0.3);
        var withFeedback = observations.Where(o => o.Label is not null || o.Reward is not null).ToList();
        var counts = observations.GroupBy(o => (o.Variant, o.IsShadow)).Select(g => new VariantCount(g.Key.Variant, g.Key.IsShadow, g.LongCount()))
            .Append(new VariantCount("canary", false, 40))
            .ToList();

        var report = await OnlineReport.ComputeAsync(withFeedback.ToAsyncEnumerable(), Rules, model: "titanic", counts: counts);

        var everything = OnlineReport.Compute(observations, Rules, model: "titanic");
        var canary = report.Variants.Single(v => v.Variant == "canary");
        Assert.Equal((40L, 0L, 0L, (OnlineEstimate?)null, (OnlineEstimate?)null), (canary.Predictions, canary.Labelled, canary.Rewarded, canary.Accuracy, canary.MeanReward));
        Assert.Equal(everything.Variants, report.Variants.Where(v => v.Variant != "canary"));
        Assert.Equal(everything.Decisions, report.Decisions.Where(d => d.Variant != "canary"));
        Assert.Equal(DecisionOutcome.Collecting, report.Decisions.Single(d => d.Variant == "canary").Outcome);
    }

    [Fact]
    public async Task ComputeAsync_VariantWithMoreRecordsThanItsCount_ReportsItsRecords()
    {
        var observations = OnlineObservations.Simulate(200, 0.75, 0.9, 0.6);
        var champion = observations.Count(o => o.Variant == "champion" && !o.IsShadow);

        var report = await OnlineReport.ComputeAsync(observations.ToAsyncEnumerable(), counts: [new VariantCount("champion", false, 3)]);

        Assert.Equal(champion, report.Variants.Single(v => v.Variant == "champion" && !v.IsShadow).Predictions);
    }

    [Fact]
    public async Task ComputeAsync_GivesTheSameReportAsCompute()
    {
        var observations = OnlineObservations.Simulate(1000, 0.75, 0.9, 0.6);

        var streamed = await OnlineReport.ComputeAsync(observations.ToAsyncEnumerable(), Rules, model: "titanic");

        Assert.Equal(OnlineReport.Compute(observations, Rules, model: "titanic").ToJson(), streamed.ToJson());
    }

    [Fact]
    public void Compute_RecordsInAnyOrder_AreReplayedInTimeOrder()
    {
        var observations = OnlineObservations.Simulate(2000, 0.75, 0.85, 0.7);
        var random = new Random(9);
        var shuffled = observations.OrderBy(_ => random.Next()).ToList();

        Assert.Equal(OnlineReport.Compute(observations, Rules).ToJson(), OnlineReport.Compute(shuffled, Rules).ToJson());
    }

    [Fact]
    public void ToJson_IsSnakeCaseWithMetricsAndDecisions()
    {
        var since = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var report = OnlineReport.Compute(OnlineObservations.Simulate(5000, 0.75, 0.9, 0.6), Rules, model: "titanic", since: since);

        using var json = JsonDocument.Parse(report.ToJson());

        var root = json.RootElement;
        Assert.Equal("titanic", root.GetProperty("model").GetString());
        Assert.Equal("2026-12-01T00:00:00.0000000+00:00", root.GetProperty("since").GetString());
        var champion = root.GetProperty("variants").EnumerateArray().Single(v => v.GetProperty("variant").GetString() == "champion");
        Assert.False(champion.GetProperty("shadow").GetBoolean());
        var accuracy = champion.GetProperty("accuracy");
        Assert.True(accuracy.GetProperty("lower").GetDouble() < accuracy.GetProperty("value").GetDouble());
        Assert.Equal(JsonValueKind.Object, champion.GetProperty("expected_calibration_error").ValueKind);
        Assert.Equal("accuracy", root.GetProperty("rules").GetProperty("promote_when").GetProperty("metric").GetString());
        var decision = root.GetProperty("decisions").EnumerateArray().Single(d => d.GetProperty("variant").GetString() == "challenger");
        Assert.Equal("promote", decision.GetProperty("decision").GetString());
        Assert.Equal("msprt", decision.GetProperty("promote_test").GetProperty("test").GetString());
        Assert.Contains("+", decision.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToText_ListsVariantsWithIntervalsThenDecisions()
    {
        var report = OnlineReport.Compute(OnlineObservations.Simulate(5000, 0.75, 0.9, 0.6), Rules, model: "titanic");

        var lines = report.ToText().Split('\n');

        Assert.Equal("Online metrics of titanic (95% intervals in brackets)", lines[0]);
        Assert.StartsWith("variant     kind    predictions  labelled  accuracy", lines[1], StringComparison.Ordinal);
        Assert.Matches(@"^champion\s+served\s+[\d,]+\s+[\d,]+\s+0\.\d{3} \[0\.\d{3}, 0\.\d{3}\]", lines[3]);
        Assert.StartsWith("candidate   shadow", lines[4], StringComparison.Ordinal);
        Assert.Contains("challenger: promote. 'challenger' is better than 'champion' on accuracy", report.ToText(), StringComparison.Ordinal);
    }
}
