using Gangway.PredictionLog;
using Gangway.Stores;

namespace Gangway.Tests.Conformance.Stores;

/// <summary>The behaviour every <see cref="IPredictionLogStore"/> must have.</summary>
public abstract class PredictionLogStoreConformance(StoreTarget target) : StoreConformance(target)
{
    [Fact]
    public async Task Append_ThenFind_SecondConnectionGetsEveryFieldBack()
    {
        var store = await NewStore();
        var full = LoggedPredictions.Served(1, key: """{"PassengerId":"892"}""");
        var sparse = LoggedPredictions.ShadowOf(full) with { RequestId = null, Version = null, Variant = null, Key = null, Probability = null };

        await store.PredictionLog.AppendAsync([full, sparse], Ct);

        var second = await SecondConnection(store);
        Assert.Equal(full, await second.PredictionLog.FindAsync(full.PredictionId, Ct));
        Assert.Equal(sparse, await second.PredictionLog.FindAsync(sparse.PredictionId.ToUpperInvariant(), Ct));
        Assert.Null(await second.PredictionLog.FindAsync(LoggedPredictions.Served(2).PredictionId, Ct));
    }

    [Fact]
    public async Task Append_EmptyNonAsciiAndLongText_ComesBackExactly()
    {
        var store = await NewStore();
        var empty = LoggedPredictions.Served(1) with { Prediction = "", Key = "", Variant = "" };
        var accented = LoggedPredictions.Served(2, key: """{"Name":"Müller, Mme. Zoë 日本 🚢"}""") with { Inputs = """{"Name":"Ångström, Dr. Ŝ 🚢"}""" };
        var lengthy = LoggedPredictions.Served(3) with { Inputs = $$"""{"Name":"{{new string('é', 3_000)}}{{new string('x', 5_000)}}"}""" };
        var afterLong = LoggedPredictions.Served(4);

        await store.PredictionLog.AppendAsync([empty, accented, lengthy, afterLong], Ct);

        var second = await SecondConnection(store);
        foreach (var record in new[] { empty, accented, lengthy, afterLong })
        {
            Assert.Equal(record, await second.PredictionLog.FindAsync(record.PredictionId, Ct));
        }
    }

    [Fact]
    public async Task Append_IdAlreadyLogged_ThrowsConflictAndWritesNothingOfTheBatch()
    {
        var store = await NewStore();
        var first = LoggedPredictions.Served(1);
        await store.PredictionLog.AppendAsync([first], Ct);
        var fresh = LoggedPredictions.Served(2);

        await FailsAsync(ErrorKind.Conflict, () => store.PredictionLog.AppendAsync([fresh, first with { Prediction = "0" }], Ct));

        Assert.Null(await store.PredictionLog.FindAsync(fresh.PredictionId, Ct));
        Assert.Equal("1", (await store.PredictionLog.FindAsync(first.PredictionId, Ct))!.Prediction);
    }

    // More records than a store's multi-row statement holds (SQLite: 64), with a remainder, so every way a batch is
    // split is exercised: full groups, the rest one by one.
    [Fact]
    public async Task Append_ManyRecordsOfEveryShape_AllComeBackExactly()
    {
        var store = await NewStore();
        var records = Enumerable.Range(1, 75).SelectMany(i =>
        {
            var served = LoggedPredictions.Served(i, key: i % 3 == 0 ? null : $$"""{"PassengerId":"{{i}}"}""") with { Variant = i % 2 == 0 ? null : "champion" };
            var shadow = LoggedPredictions.ShadowOf(served) with { RequestId = null, Version = null, Probability = i % 4 == 0 ? null : 0.5, Inputs = $$"""{"Name":"Zoë {{new string('é', i)}}"}""" };
            return new[] { served, shadow };
        }).Append(LoggedPredictions.Served(500)).ToList();

        await store.PredictionLog.AppendAsync(records, Ct);

        var second = await SecondConnection(store);
        var read = await second.PredictionLog.ReadAsync(new PredictionQuery(), Ct).ToListAsync(Ct);
        Assert.Equal(records.OrderBy(r => r.Time).ThenBy(r => r.PredictionId, StringComparer.Ordinal), read);
    }

    [Fact]
    public async Task Append_IdAlreadyLoggedDeepInALargeBatch_ThrowsConflictAndWritesNothingOfTheBatch()
    {
        var store = await NewStore();
        var logged = LoggedPredictions.Served(1);
        await store.PredictionLog.AppendAsync([logged], Ct);
        var batch = Enumerable.Range(2, 150).Select(i => LoggedPredictions.Served(i)).ToList();
        batch[100] = logged with { Prediction = "0" };

        await FailsAsync(ErrorKind.Conflict, () => store.PredictionLog.AppendAsync(batch, Ct));

        var read = await store.PredictionLog.ReadAsync(new PredictionQuery(), Ct).ToListAsync(Ct);
        Assert.Equal([logged], read);
    }

    [Fact]
    public async Task Read_Filters_SelectModelVariantAndTimeRangeInTimeThenIdOrder()
    {
        var store = await NewStore();
        var sameTime = LoggedPredictions.Served(5);
        List<PredictionRecord> records =
        [
            LoggedPredictions.Served(30), LoggedPredictions.Served(10, variant: "challenger"), sameTime, LoggedPredictions.ShadowOf(sameTime),
            LoggedPredictions.Served(20, model: "upsell"), LoggedPredictions.Served(40),
        ];
        await store.PredictionLog.AppendAsync(records, Ct);
        var expectedOrder = records.OrderBy(r => r.Time).ThenBy(r => r.PredictionId, StringComparer.Ordinal).Select(r => r.PredictionId).ToList();

        Assert.Equal(expectedOrder, await Ids(store, new PredictionQuery()));
        Assert.Equal(expectedOrder.Where(id => records.Single(r => r.PredictionId == id).Model == "titanic"), await Ids(store, new PredictionQuery("titanic")));
        Assert.Equal([records[1].PredictionId], await Ids(store, new PredictionQuery(Variant: "challenger")));
        Assert.Equal(
            [records[1].PredictionId, records[4].PredictionId],
            await Ids(store, new PredictionQuery(Since: LoggedPredictions.Start.AddMilliseconds(10), Until: LoggedPredictions.Start.AddMilliseconds(30))));
    }

    [Fact]
    public async Task Read_MoreRecordsThanAPage_StreamsEveryOneOnceInOrder()
    {
        var store = await NewStore();
        var records = Enumerable.Range(0, 4_500).Select(i => LoggedPredictions.Served(i / 3)).ToList();
        await store.PredictionLog.AppendAsync(records, Ct);

        var read = await Ids(store, new PredictionQuery("titanic"));

        Assert.Equal(records.OrderBy(r => r.Time).ThenBy(r => r.PredictionId, StringComparer.Ordinal).Select(r => r.PredictionId), read);
    }

    [Fact]
    public async Task FindLatestByKey_ServedAndShadowRecords_GivesTheLatestServedOfThatModel()
    {
        var store = await NewStore();
        const string Key = """{"PassengerId":"892"}""";
        var older = LoggedPredictions.Served(1, key: Key);
        var latest = LoggedPredictions.Served(2, key: Key);
        var shadow = LoggedPredictions.ShadowOf(latest) with { Time = latest.Time.AddMilliseconds(5) };
        await store.PredictionLog.AppendAsync([older, latest, shadow, LoggedPredictions.Served(3, model: "upsell", key: Key)], Ct);

        Assert.Equal(latest, await store.PredictionLog.FindLatestByKeyAsync("titanic", Key, Ct));
        Assert.Null(await store.PredictionLog.FindLatestByKeyAsync("titanic", """{"PassengerId":"893"}""", Ct));
        Assert.Null(await store.PredictionLog.FindLatestByKeyAsync("other", Key, Ct));
    }

    [Fact]
    public async Task DeleteOlderThan_MoreThanOneBatch_DeletesExactlyTheOlderRecords()
    {
        var store = await NewStore();
        var records = Enumerable.Range(0, 12_000).Select(i => LoggedPredictions.Served(i)).ToList();
        await store.PredictionLog.AppendAsync(records, Ct);

        var deleted = await store.PredictionLog.DeleteOlderThanAsync(LoggedPredictions.Start.AddMilliseconds(11_000), Ct);

        Assert.Equal(11_000, deleted);
        Assert.Equal(records.Skip(11_000).Select(r => r.PredictionId).Order(StringComparer.Ordinal), (await Ids(store, new PredictionQuery())).Order(StringComparer.Ordinal));
        Assert.Equal(0, await store.PredictionLog.DeleteOlderThanAsync(LoggedPredictions.Start, Ct));
    }

    [Fact]
    public async Task Count_SeveralBatchesAndTwoModels_CountsEachModelPerVariantAndShadow()
    {
        var store = await NewStore();
        var champions = Enumerable.Range(0, 5).Select(i => LoggedPredictions.Served(i * 100)).ToList();
        await store.PredictionLog.AppendAsync([.. champions, .. champions.Take(3).Select(r => LoggedPredictions.ShadowOf(r))], Ct);
        await store.PredictionLog.AppendAsync(
            [
                LoggedPredictions.Served(120_000, variant: "challenger"), LoggedPredictions.Served(121_000, variant: "challenger"),
                LoggedPredictions.Served(122_000), LoggedPredictions.Served(123_000, variant: null), LoggedPredictions.Served(124_000, model: "upsell"),
            ],
            Ct);
        await store.PredictionLog.AppendAsync([LoggedPredictions.Served(180_000, model: "upsell", variant: "canary"), LoggedPredictions.Served(181_000, model: "upsell")], Ct);

        var second = await SecondConnection(store);
        Assert.Equal(
            [new("challenger", false, 2), new("champion", false, 6), new(null, false, 1), new("candidate", true, 3)],
            Sorted(await second.PredictionLog.CountAsync("titanic", LoggedPredictions.Start, Ct)));
        Assert.Equal(
            [new("challenger", false, 2), new("champion", false, 1), new(null, false, 1)],
            Sorted(await second.PredictionLog.CountAsync("titanic", LoggedPredictions.Start.AddSeconds(90), Ct)));
        Assert.Equal([new("canary", false, 1), new("champion", false, 2)], Sorted(await second.PredictionLog.CountAsync("upsell", LoggedPredictions.Start, Ct)));
        Assert.Empty(await second.PredictionLog.CountAsync("other", LoggedPredictions.Start, Ct));
    }

    [Fact]
    public async Task Count_BatchRefusedForAConflict_CountsNothingOfIt()
    {
        var store = await NewStore();
        var first = LoggedPredictions.Served(1);
        await store.PredictionLog.AppendAsync([first], Ct);

        await FailsAsync(ErrorKind.Conflict, () => store.PredictionLog.AppendAsync([LoggedPredictions.Served(2), LoggedPredictions.Served(3, variant: "challenger"), first], Ct));

        Assert.Equal([new("champion", false, 1)], await store.PredictionLog.CountAsync("titanic", LoggedPredictions.Start, Ct));
    }

    [Fact]
    public async Task Count_AfterPruning_DropsTheMinutesEntirelyBeforeTheCutoff()
    {
        var store = await NewStore();
        var records = Enumerable.Range(0, 3).SelectMany(minute => Enumerable.Range(0, 4).Select(i => LoggedPredictions.Served((minute * 60_000) + (i * 10_000)))).ToList();
        await store.PredictionLog.AppendAsync(records, Ct);

        Assert.Equal(4, await store.PredictionLog.DeleteOlderThanAsync(LoggedPredictions.Start.AddMinutes(1), Ct));
        Assert.Equal([new("champion", false, 8)], await store.PredictionLog.CountAsync("titanic", LoggedPredictions.Start, Ct));

        // The cutoff's own minute keeps its counter: it also counts records after the cutoff, which stay.
        Assert.Equal(2, await store.PredictionLog.DeleteOlderThanAsync(LoggedPredictions.Start.AddSeconds(75), Ct));
        Assert.Equal([new("champion", false, 8)], await store.PredictionLog.CountAsync("titanic", LoggedPredictions.Start, Ct));
        Assert.Equal([new("champion", false, 4)], await store.PredictionLog.CountAsync("titanic", LoggedPredictions.Start.AddMinutes(2), Ct));
    }

    [Fact]
    public async Task Append_NoRecords_WritesNothing()
    {
        var store = await NewStore();

        await store.PredictionLog.AppendAsync([], Ct);

        Assert.Empty(await Ids(store, new PredictionQuery()));
    }

    private static List<PredictionCount> Sorted(IEnumerable<PredictionCount> counts) =>
        [.. counts.OrderBy(c => c.IsShadow).ThenBy(c => c.Variant ?? "~", StringComparer.Ordinal)];

    private static async Task<List<string>> Ids(IStore store, PredictionQuery query)
    {
        var ids = new List<string>();
        await foreach (var record in store.PredictionLog.ReadAsync(query, Ct))
        {
            ids.Add(record.PredictionId);
        }

        return ids;
    }
}
