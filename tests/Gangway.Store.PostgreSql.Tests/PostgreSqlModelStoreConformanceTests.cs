using Gangway.Stores;
using Gangway.Tests.Conformance.Stores;

namespace Gangway.Store.PostgreSql.Tests;

/// <summary>The store conformance suite on a real PostgreSQL server: each store in a fresh schema, dropped after the test.</summary>
[RequiresPostgres]
public sealed class PostgreSqlModelStoreConformanceTests : ModelStoreConformance
{
    private readonly PostgreSqlStoreProvider _provider = new();
    private readonly List<TestSchema> _schemas = [];
    private readonly Dictionary<IModelStore, TestSchema> _schemaOf = new(ReferenceEqualityComparer.Instance);

    protected override IModelStore CreateStore()
    {
        var schema = new TestSchema();
        _schemas.Add(schema);
        return Opened(schema);
    }

    protected override IModelStore Reopen(IModelStore store) => Opened(_schemaOf[store]);

    protected override void ChangeRunId(IModelStore store, string runId, string newRunId) =>
        TestServer.Execute($"UPDATE {_schemaOf[store].Name}.runs SET id = '{newRunId}' WHERE id = '{runId}'");

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _schemas.ForEach(schema => schema.Dispose());
            _schemas.Clear();
        }
    }

    private IModelStore Opened(TestSchema schema)
    {
        var store = _provider.Open(schema.Uri);
        _schemaOf[store] = schema;
        return store;
    }
}
