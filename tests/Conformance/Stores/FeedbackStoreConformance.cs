using Gangway.PredictionLog;
using Gangway.Stores;

namespace Gangway.Tests.Conformance.Stores;

/// <summary>The behaviour every <see cref="IFeedbackStore"/> must have.</summary>
public abstract class FeedbackStoreConformance(StoreTarget target) : StoreConformance(target)
{
    [Fact]
    public async Task Append_TwoRowsForOnePrediction_HistoryKeepsBothOldestFirst()
    {
        var store = await NewStore();
        var prediction = LoggedPredictions.Served(1).PredictionId;
        var first = Row(prediction, "0", null, 1);
        var second = Row(prediction, "1", 1.0, 2);

        await store.Feedback.AppendAsync([first], Ct);
        await store.Feedback.AppendAsync([second, Row(LoggedPredictions.Served(2).PredictionId, "1", null, 3)], Ct);

        Assert.Equal([first, second], await (await SecondConnection(store)).Feedback.HistoryAsync(prediction, Ct));
    }

    [Fact]
    public async Task ReadOutcomesWithFeedback_ServedShadowUnlabelledEarlyAndOtherModel_OnlyTheModelsRecordsOfAnswersWithFeedbackSince()
    {
        var store = await NewStore();
        var labelled = LoggedPredictions.Served(1);
        var shadow = LoggedPredictions.ShadowOf(labelled);
        var rewardedFirst = LoggedPredictions.Served(2, variant: null);
        var unlabelled = LoggedPredictions.Served(3);
        var unlabelledShadow = LoggedPredictions.ShadowOf(unlabelled);
        var otherModel = LoggedPredictions.Served(4, model: "upsell");
        var early = LoggedPredictions.Served(-1000);
        await store.PredictionLog.AppendAsync([labelled, shadow, rewardedFirst, unlabelled, unlabelledShadow, otherModel, early], Ct);
        await store.Feedback.AppendAsync(
            [
                Row(labelled.PredictionId, "0", null, 1), Row(labelled.PredictionId, "1", null, 2), Row(labelled.PredictionId, null, 0.5, 3),
                Row(rewardedFirst.PredictionId, null, 2, 4), Row(rewardedFirst.PredictionId, "0", null, 5),
                Row(otherModel.PredictionId, "1", 1, 6), Row(early.PredictionId, "1", 1, 7), Row(LoggedPredictions.Served(9).PredictionId, "1", 1, 8),
            ],
            Ct);

        var outcomes = await (await SecondConnection(store)).Feedback.ReadOutcomesWithFeedbackAsync("titanic", LoggedPredictions.Start, Ct).ToListAsync(Ct);

        Assert.Equal(
            new[] { Outcome(labelled, "1", 0.5), Outcome(shadow, "1", 0.5), Outcome(rewardedFirst, "0", 2) }.OrderBy(o => o.AnswerId, StringComparer.Ordinal).ThenBy(o => o.PredictionId, StringComparer.Ordinal),
            outcomes);
    }

    [Fact]
    public async Task ReadOutcomesWithFeedback_MoreAnswersThanAPage_StreamsEachRecordOfThemOnceInAnswerOrder()
    {
        var store = await NewStore();
        var served = Enumerable.Range(0, 2_600).Select(i => LoggedPredictions.Served(i / 2)).ToList();
        var shadows = served.Where((_, i) => i % 2 == 0).Select(r => LoggedPredictions.ShadowOf(r)).ToList();
        await store.PredictionLog.AppendAsync([.. served, .. shadows], Ct);
        var answered = served.Where((_, i) => i % 10 != 0).ToList();
        await store.Feedback.AppendAsync([.. answered.Select((r, i) => Row(r.PredictionId, i % 3 == 0 ? "0" : "1", null, i))], Ct);
        await store.Feedback.AppendAsync([.. answered.Where((_, i) => i % 7 == 0).Select((r, i) => Row(r.PredictionId, null, 1, 5_000 + i))], Ct);

        var outcomes = await store.Feedback.ReadOutcomesWithFeedbackAsync("titanic", LoggedPredictions.Start, Ct).ToListAsync(Ct);

        var answerIds = answered.Select(r => r.PredictionId).ToHashSet();
        var expected = served.Concat(shadows).Where(r => answerIds.Contains(r.AnswerId))
            .OrderBy(r => r.AnswerId, StringComparer.Ordinal).ThenBy(r => r.PredictionId, StringComparer.Ordinal).Select(r => r.PredictionId);
        Assert.Equal(expected, outcomes.Select(o => o.PredictionId));
        Assert.Equal((answered.Count + 2) / 3, outcomes.Count(o => !o.IsShadow && o.Label == "0"));
        Assert.Equal((answered.Count + 6) / 7, outcomes.Count(o => !o.IsShadow && o.Reward == 1));
    }

    [Fact]
    public async Task DeleteOlderThan_DeletesOnlyRowsGivenBeforeTheCutoff()
    {
        var store = await NewStore();
        var prediction = LoggedPredictions.Served(1).PredictionId;
        var kept = Row(prediction, "1", null, 5_000);
        await store.Feedback.AppendAsync([Row(prediction, "0", null, 1), Row(prediction, "0", null, 2), kept], Ct);

        Assert.Equal(2, await store.Feedback.DeleteOlderThanAsync(LoggedPredictions.Start.AddSeconds(1), Ct));

        Assert.Equal([kept], await store.Feedback.HistoryAsync(prediction, Ct));
    }

    private static PredictionOutcome Outcome(PredictionRecord record, string? label, double? reward) => new(
        record.PredictionId, record.AnswerId, record.Time, record.Model, record.Variant, record.IsShadow, record.Prediction, record.Probability, label, reward);

    private static FeedbackRecord Row(string predictionId, string? label, double? reward, int millisecond) =>
        new(Guid.CreateVersion7(LoggedPredictions.Start.AddMilliseconds(millisecond)).ToString("N"), predictionId, label, reward,
            LoggedPredictions.Start.AddMilliseconds(millisecond), "tester");
}
