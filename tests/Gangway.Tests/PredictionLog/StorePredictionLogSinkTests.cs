using Gangway.PredictionLog;
using Gangway.Store.Sqlite;
using Gangway.Stores;
using Gangway.Tests.Bundles;
using Gangway.Tests.Conformance.Stores;

namespace Gangway.Tests.PredictionLog;

public sealed class StorePredictionLogSinkTests
{
    [Fact]
    public async Task Writer_IntoAStoreSink_EveryRecordIsInTheStoreAfterDispose()
    {
        using var folder = new TempDirectory();
        var uri = "sqlite:" + folder.File("gangway.db");
        var stores = new StoreCatalog().Add(new SqliteStoreProvider());
        var records = Enumerable.Range(0, 5_000).Select(i => LoggedPredictions.Served(i)).ToList();

        var writer = new PredictionLogWriter(await PredictionLogSinks.OpenStoreAsync(stores, uri, CancellationToken.None));
        records.ForEach(record => writer.TryWrite(record));
        await writer.DisposeAsync();

        await using var store = await stores.OpenAsync(uri, CancellationToken.None);
        var read = new List<PredictionRecord>();
        await foreach (var record in store.PredictionLog.ReadAsync(new PredictionQuery("titanic"), CancellationToken.None))
        {
            read.Add(record);
        }

        Assert.Equal(records, read);
        Assert.Equal((5_000L, 0L), (writer.Written, writer.Dropped));
    }
}
