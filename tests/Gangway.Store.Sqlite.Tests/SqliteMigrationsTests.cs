namespace Gangway.Store.Sqlite.Tests;

public sealed class SqliteMigrationsTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public void All_EmbeddedScripts_NumberedFromOneWithoutGaps()
    {
        Assert.Equal(Enumerable.Range(1, SqliteMigrations.All.Count), SqliteMigrations.All.Select(migration => migration.Version));
        Assert.All(SqliteMigrations.All, migration => Assert.Matches("(CREATE|DROP) (TABLE|INDEX)", migration.Sql));
    }

    [Fact]
    public async Task Open_NewFile_RecordsEveryMigration()
    {
        await (await new SqliteStoreProvider().OpenAsync(_database.Uri, CancellationToken.None)).DisposeAsync();

        var versions = _database.Sql("SELECT version FROM schema_migrations ORDER BY version").Select(row => (long)row[0]!);

        Assert.Equal(SqliteMigrations.All.Select(migration => (long)migration.Version), versions);
    }

    [Fact]
    public async Task Open_Twice_AppliesNothingAgain()
    {
        await (await new SqliteStoreProvider().OpenAsync(_database.Uri, CancellationToken.None)).DisposeAsync();
        var first = _database.Sql("SELECT version, applied_at FROM schema_migrations ORDER BY version");

        await (await new SqliteStoreProvider().OpenAsync(_database.Uri, CancellationToken.None)).DisposeAsync();

        Assert.Equal(first, _database.Sql("SELECT version, applied_at FROM schema_migrations ORDER BY version"));
    }

    [Fact]
    public async Task Open_SchemaNewerThanThisCode_ThrowsInvalidInputNamingBothVersions()
    {
        await (await new SqliteStoreProvider().OpenAsync(_database.Uri, CancellationToken.None)).DisposeAsync();
        _database.Sql("INSERT INTO schema_migrations (version, applied_at) VALUES (99, '2030-01-01T00:00:00.0000000Z')");

        var exception = await Assert.ThrowsAsync<GangwayException>(() => new SqliteStoreProvider().OpenAsync(_database.Uri, CancellationToken.None));

        Assert.Equal(ErrorKind.InvalidInput, exception.Kind);
        Assert.Equal(
            $"Store '{_database.Uri}': schema version 99 is newer than this Gangway supports ({SqliteMigrations.Latest}); upgrade Gangway.",
            exception.Message);
    }

    [Fact]
    public async Task Open_StoreOfTheFirstSchema_AddsEvaluationsAndKeepsItsRuns()
    {
        _database.Sql("CREATE TABLE schema_migrations (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL)");
        _database.Sql(SqliteMigrations.All[0].Sql);
        _database.Sql("INSERT INTO schema_migrations (version, applied_at) VALUES (1, '2026-01-01T00:00:00.0000000Z')");
        var runId = new string('a', 32);
        _database.Sql($"INSERT INTO runs (id, experiment, name, status, started_at, created_by) VALUES ('{runId}', 'titanic', 'train', 'finished', '2026-01-01T00:00:00.0000000Z', 'alice')");

        await using var store = await new SqliteStoreProvider().OpenAsync(_database.Uri, CancellationToken.None);
        await store.Runs.RecordEvaluationAsync(new Gangway.Stores.NewEvaluation(runId, null, null, "validation.csv", new string('b', 64), new Dictionary<string, double> { ["roc_auc"] = 0.9 }), new Gangway.Stores.Change("bob"), CancellationToken.None);

        Assert.Equal("titanic", (await store.Runs.FindRunAsync(runId, CancellationToken.None))!.Experiment);
        Assert.Equal(0.9, Assert.Single(await store.Runs.ListEvaluationsAsync(runId, CancellationToken.None)).Metrics["roc_auc"]);
    }

    [Fact]
    public async Task Open_NewFile_PredictionLogCarriesOnlyTheIndexesItsQueriesNeed()
    {
        // Every index costs each logged record; the one by (model, time) cost more than a third of the sink's CPU.
        await (await new SqliteStoreProvider().OpenAsync(_database.Uri, CancellationToken.None)).DisposeAsync();

        var indexes = _database.Sql("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'predictions' AND sql IS NOT NULL ORDER BY name").Select(row => (string)row[0]!);

        Assert.DoesNotContain("predictions_by_model", indexes);
        Assert.Contains("predictions_by_time", indexes);
    }

    [Fact]
    public async Task Open_NewFile_PredictionsOfOneModelSinceATimeAreReadThroughTheTimeIndex()
    {
        await (await new SqliteStoreProvider().OpenAsync(_database.Uri, CancellationToken.None)).DisposeAsync();

        var plan = string.Join(" | ", _database.Sql(
            "EXPLAIN QUERY PLAN SELECT id FROM predictions WHERE model = 'titanic' AND time >= '2026-01-01' ORDER BY time, id LIMIT 100").Select(row => (string)row[3]!));

        Assert.Contains("USING INDEX predictions_by_time", plan, StringComparison.Ordinal);
    }
}
