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
    public async Task ReadOutcomes_ServedShadowAndUnlabelled_JoinLatestLabelAndRewardOfTheAnswer()
    {
        var store = await NewStore();
        var labelled = LoggedPredictions.Served(1);
        var shadow = LoggedPredictions.ShadowOf(labelled);
        var unlabelled = LoggedPredictions.Served(2);
        var otherModel = LoggedPredictions.Served(3, model: "upsell");
        var early = LoggedPredictions.Served(-1000);
        await store.PredictionLog.AppendAsync([labelled, shadow, unlabelled, otherModel, early], Ct);
        await store.Feedback.AppendAsync(
            [Row(labelled.PredictionId, "0", null, 1), Row(labelled.PredictionId, "1", null, 2), Row(labelled.PredictionId, null, 0.5, 3), Row(otherModel.PredictionId, "1", 1, 4)],
            Ct);

        var outcomes = new List<PredictionOutcome>();
        await foreach (var outcome in store.Feedback.ReadOutcomesAsync("titanic", LoggedPredictions.Start, Ct))
        {
            outcomes.Add(outcome);
        }

        var byId = outcomes.ToDictionary(o => o.Prediction.PredictionId);
        Assert.Equal(3, outcomes.Count);
        Assert.Equal(("1", (double?)0.5), (byId[labelled.PredictionId].Label, byId[labelled.PredictionId].Reward));
        Assert.Equal(("1", (double?)0.5), (byId[shadow.PredictionId].Label, byId[shadow.PredictionId].Reward));
        Assert.Equal(shadow, byId[shadow.PredictionId].Prediction);
        Assert.Equal((null, (double?)null), (byId[unlabelled.PredictionId].Label, byId[unlabelled.PredictionId].Reward));
    }

    [Fact]
    public async Task ReadOutcomes_MoreThanAPage_StreamsEveryPredictionOnceInOrder()
    {
        var store = await NewStore();
        var records = Enumerable.Range(0, 4_100).Select(i => LoggedPredictions.Served(i / 2)).ToList();
        await store.PredictionLog.AppendAsync(records, Ct);
        await store.Feedback.AppendAsync([.. records.Where((_, i) => i % 3 == 0).Select((r, i) => Row(r.PredictionId, "1", null, i))], Ct);

        var outcomes = new List<PredictionOutcome>();
        await foreach (var outcome in store.Feedback.ReadOutcomesAsync("titanic", LoggedPredictions.Start, Ct))
        {
            outcomes.Add(outcome);
        }

        Assert.Equal(records.OrderBy(r => r.Time).ThenBy(r => r.PredictionId, StringComparer.Ordinal).Select(r => r.PredictionId), outcomes.Select(o => o.Prediction.PredictionId));
        Assert.Equal(1367, outcomes.Count(o => o.Label == "1"));
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

    private static FeedbackRecord Row(string predictionId, string? label, double? reward, int millisecond) =>
        new(Guid.CreateVersion7(LoggedPredictions.Start.AddMilliseconds(millisecond)).ToString("N"), predictionId, label, reward,
            LoggedPredictions.Start.AddMilliseconds(millisecond), "tester");
}
