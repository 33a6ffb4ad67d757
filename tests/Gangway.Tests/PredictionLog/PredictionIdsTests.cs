using Gangway.PredictionLog;
using Gangway.Tests.Bundles;

namespace Gangway.Tests.PredictionLog;

public sealed class PredictionIdsTests
{
    [Fact]
    public void New_IsValidAndCarriesItsTimeToTheMillisecond()
    {
        var now = new DateTimeOffset(2026, 12, 7, 17, 30, 15, 123, TimeSpan.Zero);

        var id = PredictionIds.New(new FixedTimeProvider(now));

        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.True(PredictionIds.IsValid(id));
        Assert.Equal(now, PredictionIds.TimeOf(id));
    }

    [Fact]
    public void New_LaterTime_SortsAfter()
    {
        var now = new DateTimeOffset(2026, 12, 7, 17, 30, 15, TimeSpan.Zero);

        var first = PredictionIds.New(new FixedTimeProvider(now));
        var second = PredictionIds.New(new FixedTimeProvider(now.AddMilliseconds(1)));

        Assert.True(string.CompareOrdinal(first, second) < 0);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0193a5b2c3d44e5f8a9b0c1d2e3f4a5b")]
    [InlineData("0193a5b2c3d47e5f8a9b0c1d2e3f4a5")]
    [InlineData("0193a5b2c3d47e5f8a9b0c1d2e3f4a5g")]
    public void TimeOf_NotAVersion7Id_IsNull(string? id)
    {
        Assert.False(PredictionIds.IsValid(id));
        Assert.Null(PredictionIds.TimeOf(id));
    }
}
