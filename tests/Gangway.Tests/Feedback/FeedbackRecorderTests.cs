using Gangway.Feedback;
using Gangway.PredictionLog;
using Gangway.Stores;
using Gangway.Tests.Conformance.Stores;
using Gangway.Tests.PredictionLog;
using Gangway.Tests.Stores;

namespace Gangway.Tests.Feedback;

public sealed class FeedbackRecorderTests : IDisposable
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> TitanicClasses =
        new Dictionary<string, IReadOnlyList<string>> { ["titanic"] = ["0", "1"] };

    private readonly TempStore _temp = new();
    private readonly SettableClock _clock = new(LoggedPredictions.Start.AddHours(1));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Validate_WithoutTheStore_NamesEachInvalidPieceAndItsFieldIncludingALabelThatIsNoClass()
    {
        var id = LoggedPredictions.Served(1).PredictionId;
        FeedbackInput[] inputs =
        [
            new() { PredictionId = id, Label = "1.0" },
            new() { PredictionId = "not-an-id", Label = "1" },
            new() { PredictionId = id, Label = "maybe" },
            new() { PredictionId = id },
        ];

        var errors = FeedbackRecorder.Validate(inputs, new FeedbackOptions { Source = "tester", Model = "titanic", ClassLabels = TitanicClasses });

        Assert.Equal([(1, "prediction_id"), (2, "label"), (3, "label")], errors.Select(e => (e.Index, e.Field)));
        Assert.Equal("field 'label' must be one of 0, 1 for model 'titanic'; it is 'maybe'.", errors[1].Message);
    }

    [Fact]
    public async Task Record_ById_StoredUnderTheAnswerSoTheShadowGetsItToo()
    {
        var served = LoggedPredictions.Served(1);
        var shadow = LoggedPredictions.ShadowOf(served);
        await _temp.Store.PredictionLog.AppendAsync([served, shadow], default);

        var summary = await Record([new FeedbackInput { PredictionId = served.PredictionId.ToUpperInvariant(), Label = "1", Reward = 1 }]);

        Assert.Equal((1, 0, 0, 0), (summary.Accepted, summary.Unknown, summary.Duplicate, summary.Late));
        var row = Assert.Single(await _temp.Store.Feedback.HistoryAsync(served.PredictionId, default));
        Assert.Equal(("1", (double?)1, "tester", _clock.Now), (row.Label, row.Reward, row.Source, row.Time));
        var outcomes = await Outcomes();
        Assert.All(outcomes, outcome => Assert.Equal("1", outcome.Label));
        Assert.Equal(2, outcomes.Count);
    }

    [Fact]
    public async Task Record_ByKeyInAnyForm_MatchesTheLatestServedPredictionForThatKey()
    {
        var key = PredictionKey.Canonical("PassengerId", 892)!;
        var older = LoggedPredictions.Served(1, key: key);
        var latest = LoggedPredictions.Served(2, key: key);
        await _temp.Store.PredictionLog.AppendAsync([older, latest], default);

        var summary = await Record(
            [new FeedbackInput { Key = new Dictionary<string, object?> { ["PassengerId"] = "892.0" }, Label = "true" }],
            options => options with { Model = "titanic" });

        Assert.Equal(1, summary.Accepted);
        Assert.Equal("1", Assert.Single(await _temp.Store.Feedback.HistoryAsync(latest.PredictionId, default)).Label);
        Assert.Empty(await _temp.Store.Feedback.HistoryAsync(older.PredictionId, default));
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData("1.0", "1")]
    [InlineData(" TRUE ", "1")]
    [InlineData("false", "0")]
    [InlineData("0.0", "0")]
    public async Task Record_LabelOfAKnownModel_StoredAsTheClassIsSpelled(string given, string stored)
    {
        var served = LoggedPredictions.Served(1);
        await _temp.Store.PredictionLog.AppendAsync([served], default);

        await Record([new FeedbackInput { PredictionId = served.PredictionId, Label = given }]);

        Assert.Equal(stored, Assert.Single(await _temp.Store.Feedback.HistoryAsync(served.PredictionId, default)).Label);
    }

    [Fact]
    public async Task Record_UnknownLateAndDuplicate_CountedAndTheRestRecorded()
    {
        var served = LoggedPredictions.Served(1);
        await _temp.Store.PredictionLog.AppendAsync([served], default);
        await Record([new FeedbackInput { PredictionId = served.PredictionId, Label = "0" }]);
        var old = PredictionIds.New(new SettableClock(_clock.Now.AddDays(-31)));

        var summary = await Record(
            [
                new FeedbackInput { PredictionId = served.PredictionId, Label = "1" },
                new FeedbackInput { PredictionId = LoggedPredictions.Served(2).PredictionId, Label = "1" },
                new FeedbackInput { PredictionId = old, Label = "1" },
                new FeedbackInput { Key = new Dictionary<string, object?> { ["PassengerId"] = 5 }, Reward = 1 },
            ],
            options => options with { Retention = TimeSpan.FromDays(30), Model = "titanic" });

        Assert.Equal((1, 2, 1, 1, 0), (summary.Accepted, summary.Unknown, summary.Duplicate, summary.Late, summary.Errors.Count));
        Assert.Equal(["0", "1"], (await _temp.Store.Feedback.HistoryAsync(served.PredictionId, default)).Select(row => row.Label));
        Assert.Equal("1", Assert.Single(await Outcomes()).Label);
    }

    [Fact]
    public async Task Record_InvalidFeedback_EachNamedByRecordAndFieldAndNothingOfItStored()
    {
        var served = LoggedPredictions.Served(1);
        await _temp.Store.PredictionLog.AppendAsync([served], default);

        var summary = await Record(
        [
            new FeedbackInput { Label = "1" },
            new FeedbackInput { PredictionId = served.PredictionId },
            new FeedbackInput { PredictionId = served.PredictionId, Reward = double.NaN },
            new FeedbackInput { PredictionId = served.PredictionId, Label = " " },
            new FeedbackInput { PredictionId = served.PredictionId, Label = "maybe" },
            new FeedbackInput { PredictionId = "892", Label = "1" },
            new FeedbackInput { Key = new Dictionary<string, object?> { ["PassengerId"] = 892 }, Label = "1" },
            new FeedbackInput { PredictionId = served.PredictionId, Reward = 2.5 },
        ]);

        Assert.Equal(
            [(0, "prediction_id"), (1, "label"), (2, "reward"), (3, "label"), (4, "label"), (5, "prediction_id"), (6, "key")],
            summary.Errors.Select(e => (e.Index, e.Field)));
        Assert.Equal("record 5: field 'label' must be one of 0, 1 for model 'titanic'; it is 'maybe'.", summary.Errors[4].Describe("record 5"));
        Assert.Contains("'892'", summary.Errors[5].Message, StringComparison.Ordinal);
        Assert.Equal(1, summary.Accepted);
        Assert.Equal((double?)2.5, Assert.Single(await _temp.Store.Feedback.HistoryAsync(served.PredictionId, default)).Reward);
    }

    [Fact]
    public async Task Record_ModelWithoutKnownClasses_LabelTrimmedAndNumbersWrittenShort()
    {
        var served = LoggedPredictions.Served(1, model: "churn");
        await _temp.Store.PredictionLog.AppendAsync([served], default);

        await Record([new FeedbackInput { PredictionId = served.PredictionId, Label = " 1.0 " }]);

        Assert.Equal("1", Assert.Single(await _temp.Store.Feedback.HistoryAsync(served.PredictionId, default)).Label);
    }

    private Task<FeedbackSummary> Record(IReadOnlyList<FeedbackInput> inputs, Func<FeedbackOptions, FeedbackOptions>? change = null)
    {
        var options = new FeedbackOptions { Source = "tester", ClassLabels = TitanicClasses, Time = _clock };
        return FeedbackRecorder.RecordAsync(_temp.Store, inputs, change is null ? options : change(options), default);
    }

    private async Task<List<PredictionOutcome>> Outcomes()
    {
        var outcomes = new List<PredictionOutcome>();
        await foreach (var outcome in _temp.Store.Feedback.ReadOutcomesWithFeedbackAsync("titanic", LoggedPredictions.Start, default))
        {
            outcomes.Add(outcome);
        }

        return outcomes;
    }
}
