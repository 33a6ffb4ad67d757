using Gangway.Stores;
using Gangway.Tests.Conformance.Stores;

namespace Gangway.Store.Sqlite.Tests;

public sealed class SqliteModelStoreConformanceTests : ModelStoreConformance
{
    private readonly List<TemporaryDatabase> _databases = [];
    private readonly Dictionary<IModelStore, TemporaryDatabase> _databaseOf = [];

    protected override IModelStore CreateStore()
    {
        var database = new TemporaryDatabase();
        _databases.Add(database);
        var store = new SqliteStoreProvider().Open(database.Uri);
        _databaseOf[store] = database;
        return store;
    }

    protected override IModelStore Reopen(IModelStore store)
    {
        var database = _databaseOf[store];
        var second = new SqliteStoreProvider().Open(database.Uri);
        _databaseOf[second] = database;
        return second;
    }

    protected override void ChangeRunId(IModelStore store, string runId, string newRunId) =>
        _databaseOf[store].Sql($"UPDATE runs SET id = '{newRunId}' WHERE id = '{runId}'");

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _databases.ForEach(database => database.Dispose());
        }
    }
}
