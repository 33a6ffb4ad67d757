using Gangway.Stores;
using Gangway.Tests.Conformance.Stores;

namespace Gangway.Store.PostgreSql.Tests;

[RequiresPostgres]
public sealed class PostgreSqlRunStoreConformanceTests() : RunStoreConformance(new PostgreSqlStoreTarget());

[RequiresPostgres]
public sealed class PostgreSqlModelRegistryConformanceTests() : ModelRegistryConformance(new PostgreSqlStoreTarget());

[RequiresPostgres]
public sealed class PostgreSqlStoreConcurrencyConformanceTests() : StoreConcurrencyConformance(new PostgreSqlStoreTarget());

[RequiresPostgres]
public sealed class PostgreSqlDeploymentStoreConformanceTests() : DeploymentStoreConformance(new PostgreSqlStoreTarget());

[RequiresPostgres]
public sealed class PostgreSqlPredictionLogStoreConformanceTests() : PredictionLogStoreConformance(new PostgreSqlStoreTarget());

[RequiresPostgres]
public sealed class PostgreSqlFeedbackStoreConformanceTests() : FeedbackStoreConformance(new PostgreSqlStoreTarget());

[RequiresPostgres]
public sealed class PostgreSqlMonitoringWindowStoreConformanceTests() : MonitoringWindowStoreConformance(new PostgreSqlStoreTarget());

/// <summary>The conformance suites on a real PostgreSQL server: each store in a fresh schema, dropped after the test.</summary>
internal sealed class PostgreSqlStoreTarget : StoreTarget
{
    private readonly PostgreSqlStoreProvider _provider = new();
    private readonly List<TestSchema> _schemas = [];
    private readonly Dictionary<IStore, TestSchema> _schemaOf = new(ReferenceEqualityComparer.Instance);

    public override Task<IStore> CreateAsync()
    {
        var schema = new TestSchema();
        _schemas.Add(schema);
        return OpenedAsync(schema);
    }

    public override Task<IStore> ReopenAsync(IStore store) => OpenedAsync(_schemaOf[store]);

    public override Task ChangeRunIdAsync(IStore store, string runId, string newRunId)
    {
        TestServer.Execute($"UPDATE {_schemaOf[store].Name}.runs SET id = '{newRunId}' WHERE id = '{runId}'");
        return Task.CompletedTask;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _schemas.ForEach(schema => schema.Dispose());
            _schemas.Clear();
        }
    }

    private async Task<IStore> OpenedAsync(TestSchema schema)
    {
        var store = await _provider.OpenAsync(schema.Uri, CancellationToken.None);
        _schemaOf[store] = schema;
        return store;
    }
}
