using Gangway.Stores;
using Gangway.Tests.Conformance.Stores;

namespace Gangway.Store.Sqlite.Tests;

public sealed class SqliteRunStoreConformanceTests() : RunStoreConformance(new SqliteStoreTarget());

public sealed class SqliteModelRegistryConformanceTests() : ModelRegistryConformance(new SqliteStoreTarget());

public sealed class SqliteStoreConcurrencyConformanceTests() : StoreConcurrencyConformance(new SqliteStoreTarget());

public sealed class SqliteDeploymentStoreConformanceTests() : DeploymentStoreConformance(new SqliteStoreTarget());
public sealed class SqlitePredictionLogStoreConformanceTests() : PredictionLogStoreConformance(new SqliteStoreTarget());

public sealed class SqliteFeedbackStoreConformanceTests() : FeedbackStoreConformance(new SqliteStoreTarget());

public sealed class SqliteMonitoringWindowStoreConformanceTests() : MonitoringWindowStoreConformance(new SqliteStoreTarget());

/// <summary>Each store in a fresh temporary file, removed after the test.</summary>
internal sealed class SqliteStoreTarget : StoreTarget
{
    private readonly List<TemporaryDatabase> _databases = [];
    private readonly Dictionary<IStore, TemporaryDatabase> _databaseOf = new(ReferenceEqualityComparer.Instance);

    public override async Task<IStore> CreateAsync()
    {
        var database = new TemporaryDatabase();
        _databases.Add(database);
        var store = await new SqliteStoreProvider().OpenAsync(database.Uri, CancellationToken.None);
        _databaseOf[store] = database;
        return store;
    }

    public override async Task<IStore> ReopenAsync(IStore store)
    {
        var database = _databaseOf[store];
        var second = await new SqliteStoreProvider().OpenAsync(database.Uri, CancellationToken.None);
        _databaseOf[second] = database;
        return second;
    }

    public override Task ChangeRunIdAsync(IStore store, string runId, string newRunId)
    {
        _databaseOf[store].Sql($"UPDATE runs SET id = '{newRunId}' WHERE id = '{runId}'");
        return Task.CompletedTask;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _databases.ForEach(database => database.Dispose());
        }
    }
}
