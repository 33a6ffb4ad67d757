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

    [Fact]
    public void NewGuid_IsLaidOutAsGuidCreateVersion7()
    {
        var now = new DateTimeOffset(2026, 12, 8, 2, 0, 0, 456, TimeSpan.Zero);

        var ours = PredictionIds.NewGuid(now);
        var framework = Guid.CreateVersion7(now);

        Assert.Equal(framework.Version, ours.Version);
        Assert.Equal(framework.Variant & 0xC, ours.Variant & 0xC); // The variant is the top two bits; the next two are random.
        Assert.Equal(PredictionIds.Format(framework)[..12], PredictionIds.Format(ours)[..12]);
        Assert.Equal(now, PredictionIds.TimeOf(PredictionIds.Format(ours)));
    }

    [Fact]
    public void NewGuid_ManyOnSeveralThreadsAtOneInstant_AreAllDifferentWithRandomBitsEverywhere()
    {
        var now = new DateTimeOffset(2026, 12, 8, 2, 0, 0, TimeSpan.Zero);
        var ids = new System.Collections.Concurrent.ConcurrentBag<Guid>();

        Parallel.For(0, 4, _ =>
        {
            for (var i = 0; i < 25_000; i++)
            {
                ids.Add(PredictionIds.NewGuid(now));
            }
        });

        Assert.Equal(100_000, ids.Distinct().Count());
        var text = ids.Select(PredictionIds.Format).ToList();
        Assert.All(text, id => Assert.True(PredictionIds.IsValid(id)));
        // Every random hex digit (after the time, the version digit and the variant's two bits) takes every value.
        foreach (var digit in new[] { 13, 14, 15, 17, 20, 25, 31 })
        {
            Assert.Equal(16, text.Select(id => id[digit]).Distinct().Count());
        }

        Assert.Equal(4, text.Select(id => id[16]).Distinct().Count());
    }

    [Fact]
    public void NewGuid_BeforeTheUnixEpoch_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PredictionIds.NewGuid(DateTimeOffset.UnixEpoch.AddMilliseconds(-1)));

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
