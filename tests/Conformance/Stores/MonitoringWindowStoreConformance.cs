using Gangway.Stores;

namespace Gangway.Tests.Conformance.Stores;

/// <summary>The behaviour every <see cref="IMonitoringWindowStore"/> must have.</summary>
public abstract class MonitoringWindowStoreConformance(StoreTarget target) : StoreConformance(target)
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Save_ThenRead_SecondConnectionGetsEveryFieldBack()
    {
        var store = await NewStore();
        var bucket = Bucket(0) with { State = """{"Name":{"Zoë 日本 🚢":3},"Age":[0.5,1e-300]}""", Count = 3 };
        var unnamedVariant = Bucket(1, variant: "") with { State = "{}", Count = 0 };

        await store.MonitoringWindows.SaveAsync([bucket, unnamedVariant], Ct);

        var second = await SecondConnection(store);
        Assert.Equal([bucket, unnamedVariant], await second.MonitoringWindows.ReadAsync("titanic", "drift", Start.AddHours(-1), Ct));
    }

    [Fact]
    public async Task Save_TimesWithAnOffset_ReadBackAsTheSameInstantsInUtc()
    {
        var store = await NewStore();
        var offset = TimeSpan.FromHours(2);
        var bucket = Bucket(0) with { Start = Start.ToOffset(offset), End = Start.AddMinutes(1).ToOffset(offset), SavedAt = Start.AddMinutes(1).ToOffset(offset) };

        await store.MonitoringWindows.SaveAsync([bucket], Ct);

        var read = Assert.Single(await store.MonitoringWindows.ReadAsync("titanic", "drift", Start.AddHours(-1), Ct));
        Assert.Equal(bucket, read);
        Assert.All(new[] { read.Start, read.End, read.SavedAt }, time => Assert.Equal(TimeSpan.Zero, time.Offset));
    }

    [Fact]
    public async Task Save_SameKeyAgain_ReplacesEndCountStateAndSaveTime()
    {
        var store = await NewStore();
        await store.MonitoringWindows.SaveAsync([Bucket(0) with { End = Start.AddSeconds(20), Count = 5, State = """{"n":5}""" }], Ct);
        var filled = Bucket(0) with { End = Start.AddMinutes(1), Count = 12, State = """{"n":12}""", SavedAt = Start.AddMinutes(2) };

        await store.MonitoringWindows.SaveAsync([filled], Ct);

        Assert.Equal([filled], await store.MonitoringWindows.ReadAsync("titanic", "drift", Start.AddHours(-1), Ct));
    }

    [Fact]
    public async Task Save_SameKeyTwiceInOneBatch_KeepsTheLaterOne()
    {
        var store = await NewStore();
        var later = Bucket(0) with { Count = 9, State = """{"n":9}""" };

        await store.MonitoringWindows.SaveAsync([Bucket(0) with { Count = 1 }, later], Ct);

        Assert.Equal([later], await store.MonitoringWindows.ReadAsync("titanic", "drift", Start.AddHours(-1), Ct));
    }

    [Fact]
    public async Task Read_TwoReplicasAndTwoVariants_AllOrderedByStartThenVariantThenReplica()
    {
        var store = await NewStore();
        var buckets = new[] { 1, 0 }.SelectMany(minute => new[] { "champion", "candidate" }.SelectMany(variant =>
            new[] { "replica-b", "replica-a" }.Select(replica => Bucket(minute, variant, replica)))).ToList();
        await store.MonitoringWindows.SaveAsync(buckets[..4], Ct);
        await (await SecondConnection(store)).MonitoringWindows.SaveAsync(buckets[4..], Ct);

        var read = await store.MonitoringWindows.ReadAsync("titanic", "drift", Start.AddHours(-1), Ct);

        Assert.Equal(
            [
                "0 candidate replica-a", "0 candidate replica-b", "0 champion replica-a", "0 champion replica-b",
                "1 candidate replica-a", "1 candidate replica-b", "1 champion replica-a", "1 champion replica-b",
            ],
            read.Select(b => $"{(b.Start - Start).TotalMinutes} {b.Variant} {b.Replica}"));
    }

    [Fact]
    public async Task Read_Since_OnlyBucketsThatEndAfterIt()
    {
        var store = await NewStore();
        await store.MonitoringWindows.SaveAsync([Bucket(0), Bucket(1), Bucket(2)], Ct);

        // Bucket 0 ends at minute 1: a bucket ending exactly at since is left out, one that spans it is read.
        Assert.Equal([1, 2], Minutes(await store.MonitoringWindows.ReadAsync("titanic", "drift", Start.AddMinutes(1), Ct)));
        Assert.Equal([1, 2], Minutes(await store.MonitoringWindows.ReadAsync("titanic", "drift", Start.AddMinutes(1.5), Ct)));
        Assert.Equal([0, 1, 2], Minutes(await store.MonitoringWindows.ReadAsync("titanic", "drift", Start.AddMinutes(1).AddTicks(-10), Ct)));
        Assert.Empty(await store.MonitoringWindows.ReadAsync("titanic", "drift", Start.AddMinutes(3), Ct));
    }

    [Fact]
    public async Task Read_OtherModelOrKind_NotIncluded()
    {
        var store = await NewStore();
        var drift = Bucket(0);
        var quality = Bucket(0) with { Kind = "quality", State = """{"missing":{"Age":2}}""" };
        var upsell = Bucket(0) with { Model = "upsell" };
        await store.MonitoringWindows.SaveAsync([drift, quality, upsell], Ct);

        Assert.Equal([drift], await store.MonitoringWindows.ReadAsync("titanic", "drift", Start.AddHours(-1), Ct));
        Assert.Equal([quality], await store.MonitoringWindows.ReadAsync("titanic", "quality", Start.AddHours(-1), Ct));
        Assert.Equal([upsell], await store.MonitoringWindows.ReadAsync("upsell", "drift", Start.AddHours(-1), Ct));
        Assert.Empty(await store.MonitoringWindows.ReadAsync("Titanic", "drift", Start.AddHours(-1), Ct));
    }

    [Fact]
    public async Task DeleteOlderThan_BucketsEndingAtOrBeforeTheCutoff_DeletedForEveryModelAndCounted()
    {
        var store = await NewStore();
        await store.MonitoringWindows.SaveAsync([Bucket(0), Bucket(1), Bucket(2), Bucket(0) with { Model = "upsell", Kind = "quality" }, Bucket(3) with { Model = "upsell" }], Ct);

        var deleted = await store.MonitoringWindows.DeleteOlderThanAsync(Start.AddMinutes(2), Ct);

        Assert.Equal(3, deleted);
        Assert.Equal([2], Minutes(await store.MonitoringWindows.ReadAsync("titanic", "drift", Start.AddHours(-1), Ct)));
        Assert.Empty(await store.MonitoringWindows.ReadAsync("upsell", "quality", Start.AddHours(-1), Ct));
        Assert.Equal([3], Minutes(await store.MonitoringWindows.ReadAsync("upsell", "drift", Start.AddHours(-1), Ct)));
        Assert.Equal(0, await store.MonitoringWindows.DeleteOlderThanAsync(Start.AddMinutes(2), Ct));
    }

    [Theory]
    [InlineData("model")]
    [InlineData("kind")]
    [InlineData("replica")]
    [InlineData("end at start")]
    [InlineData("end before start")]
    [InlineData("negative count")]
    public async Task Save_InvalidBucket_ThrowsArgumentExceptionAndSavesNothingOfTheBatch(string invalid)
    {
        var store = await NewStore();
        var bad = invalid switch
        {
            "model" => Bucket(1) with { Model = "" },
            "kind" => Bucket(1) with { Kind = " " },
            "replica" => Bucket(1) with { Replica = "" },
            "end at start" => Bucket(1) with { End = Start.AddMinutes(1) },
            "end before start" => Bucket(1) with { End = Start },
            _ => Bucket(1) with { Count = -1 },
        };

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.MonitoringWindows.SaveAsync([Bucket(0), bad], Ct));

        Assert.Empty(await store.MonitoringWindows.ReadAsync("titanic", "drift", Start.AddHours(-1), Ct));
    }

    [Fact]
    public async Task Save_StateLargerThanTheLimit_ThrowsInvalidInputNamingTheBucketAndSavesNothing()
    {
        var store = await NewStore();
        var huge = Bucket(1, variant: "candidate", replica: "replica-7") with { State = $$"""{"s":"{{new string('é', (MonitoringBucket.MaxStateBytes / 2) + 1)}}"}""" };

        var error = await FailsAsync(ErrorKind.InvalidInput, () => store.MonitoringWindows.SaveAsync([Bucket(0), huge], Ct));

        Assert.Contains("model 'titanic', kind 'drift', variant 'candidate', replica 'replica-7', start 2026-12-01T10:01:00", error.Message, StringComparison.Ordinal);
        Assert.Contains($"at most {MonitoringBucket.MaxStateBytes} bytes", error.Message, StringComparison.Ordinal);
        Assert.Empty(await store.MonitoringWindows.ReadAsync("titanic", "drift", Start.AddHours(-1), Ct));
    }

    [Fact]
    public async Task Read_EmptyModelOrKind_ThrowsArgumentException()
    {
        var store = await NewStore();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.MonitoringWindows.ReadAsync("", "drift", Start, Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.MonitoringWindows.ReadAsync("titanic", "", Start, Ct));
    }

    [Fact]
    public async Task Save_StateOfOneMebibyte_ComesBackExactly()
    {
        var store = await NewStore();
        var random = new Random(7);
        var digits = string.Concat(Enumerable.Range(0, 1024 * 1024 / 18).Select(_ => random.NextDouble().ToString("F17", System.Globalization.CultureInfo.InvariantCulture)[..18] + ","));
        var large = Bucket(0) with { State = $$"""{"q":[{{digits.TrimEnd(',')}}]}""" };

        await store.MonitoringWindows.SaveAsync([large, Bucket(1)], Ct);

        var read = await (await SecondConnection(store)).MonitoringWindows.ReadAsync("titanic", "drift", Start.AddHours(-1), Ct);
        Assert.True(large.State.Length > 1_000_000, $"state of {large.State.Length} chars");
        Assert.Equal([large, Bucket(1)], read);
    }

    // Two replicas saving the same buckets, given in opposite orders: a store that wrote them in the given order would
    // lock them in opposite orders and could deadlock; stores write in key order.
    [Fact]
    public async Task Save_TwoConnectionsSavingTheSameBucketsInOppositeOrders_NoneFailsAndEachBucketIsStoredOnce()
    {
        var first = await NewStore();
        var second = await SecondConnection(first);
        var keys = Enumerable.Range(0, 30).Select(minute => Bucket(minute, minute % 2 == 0 ? "champion" : "candidate")).ToList();
        async Task Save(IStore store, string replica, bool reversed)
        {
            for (var round = 0; round < 25; round++)
            {
                var batch = keys.Select(bucket => bucket with { Count = round, State = $$"""{"by":"{{replica}}"}""" });
                await store.MonitoringWindows.SaveAsync([.. reversed ? batch.Reverse() : batch], Ct);
            }
        }

        OnTwoThreads(() => Save(first, "first", reversed: false), () => Save(second, "second", reversed: true));

        var read = await first.MonitoringWindows.ReadAsync("titanic", "drift", Start.AddHours(-1), Ct);
        Assert.Equal(30, read.Count);
        Assert.All(read, bucket => Assert.Equal(24, bucket.Count));
        Assert.Single(read.Select(bucket => bucket.State).Distinct());
    }

    private static MonitoringBucket Bucket(int minute, string variant = "champion", string replica = "replica-a") =>
        new("titanic", "drift", variant, replica, Start.AddMinutes(minute), Start.AddMinutes(minute + 1), 10 + minute, $$"""{"minute":{{minute}}}""", Start.AddMinutes(minute + 1));

    private static List<int> Minutes(IReadOnlyList<MonitoringBucket> buckets) => [.. buckets.Select(b => (int)(b.Start - Start).TotalMinutes)];
}
