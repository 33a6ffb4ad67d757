using Gangway.Stores;
using Gangway.Tests.Conformance.Stores;

namespace Gangway.Tests.Stores;

public class MinutePredictionCountTests
{
    private static readonly DateTimeOffset Minute0 = LoggedPredictions.Start;

    [Fact]
    public void Of_InterleavedKeysAcrossMinutes_CountsEachKeyOnceInKeyOrder()
    {
        var champion = LoggedPredictions.Served(1);
        var records = new[]
        {
            champion,
            LoggedPredictions.ShadowOf(champion),
            LoggedPredictions.Served(2),
            LoggedPredictions.Served(59_999),
            LoggedPredictions.Served(60_000),
            LoggedPredictions.Served(3, variant: null),
            LoggedPredictions.Served(4),
            LoggedPredictions.Served(5, model: "upsell", variant: "canary"),
            LoggedPredictions.Served(6, variant: "challenger"),
        };

        Assert.Equal(
            [
                new MinutePredictionCount("titanic", "", false, Minute0, 1),
                new MinutePredictionCount("titanic", "candidate", true, Minute0, 1),
                new MinutePredictionCount("titanic", "challenger", false, Minute0, 1),
                new MinutePredictionCount("titanic", "champion", false, Minute0, 4),
                new MinutePredictionCount("titanic", "champion", false, Minute0.AddMinutes(1), 1),
                new MinutePredictionCount("upsell", "canary", false, Minute0, 1),
            ],
            MinutePredictionCount.Of(records));
    }

    [Fact]
    public void Of_NoRecords_Nothing() => Assert.Empty(MinutePredictionCount.Of([]));

    [Fact]
    public void MinuteOf_TimeWithOffsetAndSeconds_UtcMinuteStart() =>
        Assert.Equal(
            new DateTimeOffset(2026, 12, 1, 8, 59, 0, TimeSpan.Zero),
            MinutePredictionCount.MinuteOf(new DateTimeOffset(2026, 12, 1, 10, 59, 59, 999, TimeSpan.FromHours(2)).AddTicks(9_999)));
}
