using Gangway.Stores;

namespace Gangway.Tests.Stores;

public class MonitoringBucketTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void InSaveOrder_ShuffledKeys_OrderedByModelKindStartVariantReplica()
    {
        MonitoringBucket[] ordered =
        [
            Bucket("titanic", "drift", 0, "candidate", "a"),
            Bucket("titanic", "drift", 0, "candidate", "b"),
            Bucket("titanic", "drift", 0, "champion", "a"),
            Bucket("titanic", "drift", 1, "candidate", "a"),
            Bucket("titanic", "quality", 0, "candidate", "a"),
            Bucket("upsell", "drift", 0, "", "a"),
        ];

        Assert.Equal(ordered, MonitoringBucket.InSaveOrder([.. ordered.Reverse()]));
        Assert.Equal(ordered, MonitoringBucket.InSaveOrder([ordered[3], ordered[0], ordered[5], ordered[2], ordered[4], ordered[1]]));
    }

    [Fact]
    public void InSaveOrder_SameKeyTwiceWithDifferentOffsets_KeepsTheLaterOnly()
    {
        var first = Bucket("titanic", "drift", 0, "champion", "a");
        var later = first with { Start = first.Start.ToOffset(TimeSpan.FromHours(-5)), Count = 99 };

        Assert.Equal([later], MonitoringBucket.InSaveOrder([first, later]));
    }

    [Theory]
    [InlineData("", "drift", "a", 60, 0, "must name its model; it is ''")]
    [InlineData("titanic", "  ", "a", 60, 0, "must name its kind; it is '  '")]
    [InlineData("titanic", "drift", "", 60, 0, "must name its replica; it is ''")]
    [InlineData("titanic", "drift", "a", 0, 0, "must end after it starts; it ends at 2026-12-01T10:00:00.0000000Z")]
    [InlineData("titanic", "drift", "a", 60, -3, "must count zero or more records; it counts -3")]
    public void InSaveOrder_InvalidBucket_ThrowsArgumentExceptionNamingTheBucketAndTheRule(string model, string kind, string replica, int seconds, long count, string rule)
    {
        var bucket = new MonitoringBucket(model, kind, "champion", replica, Start, Start.AddSeconds(seconds), count, "{}", Start);

        var error = Assert.ThrowsAny<ArgumentException>(() => MonitoringBucket.InSaveOrder([bucket]));

        Assert.Contains($"Monitoring bucket (model '{model}', kind '{kind}', variant 'champion', replica '{replica}', start 2026-12-01T10:00:00.0000000Z) {rule}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InSaveOrder_StateOfExactlyTheLimit_Accepted()
    {
        var bucket = Bucket("titanic", "drift", 0, "champion", "a") with { State = new string('x', MonitoringBucket.MaxStateBytes) };

        Assert.Single(MonitoringBucket.InSaveOrder([bucket]));
    }

    [Fact]
    public void InSaveOrder_StateOneByteOverTheLimitInUtf8_ThrowsInvalidInputWithItsSize()
    {
        // Fewer characters than the limit, more bytes: the limit is on UTF-8 bytes.
        var state = new string('x', MonitoringBucket.MaxStateBytes - 3) + "éé";
        var bucket = Bucket("titanic", "drift", 0, "champion", "a") with { State = state };

        var error = Assert.Throws<GangwayException>(() => MonitoringBucket.InSaveOrder([bucket]));

        Assert.Equal(ErrorKind.InvalidInput, error.Kind);
        Assert.Contains($"has a state of {MonitoringBucket.MaxStateBytes + 1} bytes", error.Message, StringComparison.Ordinal);
    }

    private static MonitoringBucket Bucket(string model, string kind, int minute, string variant, string replica) =>
        new(model, kind, variant, replica, Start.AddMinutes(minute), Start.AddMinutes(minute + 1), 1, "{}", Start.AddMinutes(minute + 1));
}
