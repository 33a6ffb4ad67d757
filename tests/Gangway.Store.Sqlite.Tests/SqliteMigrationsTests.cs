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

    [Fact]
    public async Task Open_StoreLoggedBeforeTheCounters_BackFillsThemFromTheLoggedRecords()
    {
        _database.Sql("CREATE TABLE schema_migrations (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL)");
        foreach (var (version, sql) in SqliteMigrations.All.Where(migration => migration.Version <= 4))
        {
            _database.Sql(sql);
            _database.Sql($"INSERT INTO schema_migrations (version, applied_at) VALUES ({version}, '2026-01-01T00:00:00.0000000Z')");
        }

        string[] rows =
        [
            "('a1', 'a1', '2026-12-01T10:00:05.0000000Z', 'titanic', 'champion', 0)",
            "('a2', 'a2', '2026-12-01T10:00:59.9999999Z', 'titanic', 'champion', 0)",
            "('s1', 'a1', '2026-12-01T10:00:05.0000000Z', 'titanic', 'candidate', 1)",
            "('b1', 'b1', '2026-12-01T10:01:00.0000000Z', 'titanic', NULL, 0)",
            "('c1', 'c1', '2026-12-01T10:02:00.0000000Z', 'upsell', 'champion', 0)",
        ];
        _database.Sql(
            "INSERT INTO predictions (id, answer_id, time, model, variant, is_shadow, source, bundle_hash, inputs, prediction, latency_ms) " +
            $"SELECT column1, column2, column3, column4, column5, column6, 'predict', 'h', '{{}}', '1', 0.5 FROM (VALUES {string.Join(", ", rows)})");

        await using var store = await new SqliteStoreProvider().OpenAsync(_database.Uri, CancellationToken.None);
        var start = new DateTimeOffset(2026, 12, 1, 10, 0, 30, TimeSpan.Zero);

        Assert.Equal(
            [new Gangway.Stores.PredictionCount(null, false, 1), new Gangway.Stores.PredictionCount("champion", false, 2), new Gangway.Stores.PredictionCount("candidate", true, 1)],
            await store.PredictionLog.CountAsync("titanic", start, CancellationToken.None));
        Assert.Equal([new Gangway.Stores.PredictionCount(null, false, 1)], await store.PredictionLog.CountAsync("titanic", start.AddMinutes(1), CancellationToken.None));
        Assert.Equal([new Gangway.Stores.PredictionCount("champion", false, 1)], await store.PredictionLog.CountAsync("upsell", start, CancellationToken.None));
    }

    [Fact]
    public async Task Open_StoreOfSchemaSix_AddsMonitoringWindowsAndKeepsItsLog()
    {
        _database.Sql("CREATE TABLE schema_migrations (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL)");
        foreach (var (version, sql) in SqliteMigrations.All.Where(migration => migration.Version <= 6))
        {
            _database.Sql(sql);
            _database.Sql($"INSERT INTO schema_migrations (version, applied_at) VALUES ({version}, '2026-01-01T00:00:00.0000000Z')");
        }

        _database.Sql(
            "INSERT INTO predictions (id, answer_id, time, model, variant, is_shadow, source, bundle_hash, inputs, prediction, latency_ms) " +
            "VALUES ('a1', 'a1', '2026-12-01T10:00:05.0000000Z', 'titanic', 'champion', 0, 'predict', 'h', '{}', '1', 0.5)");
        var start = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        var bucket = new Gangway.Stores.MonitoringBucket("titanic", "drift", "champion", "replica-a", start, start.AddMinutes(1), 1, "{}", start.AddMinutes(1));

        await using var store = await new SqliteStoreProvider().OpenAsync(_database.Uri, CancellationToken.None);
        await store.MonitoringWindows.SaveAsync([bucket], CancellationToken.None);

        Assert.Equal([bucket], await store.MonitoringWindows.ReadAsync("titanic", "drift", start, CancellationToken.None));
        Assert.Equal("a1", (await store.PredictionLog.FindAsync("a1", CancellationToken.None))!.PredictionId);
        Assert.Equal(7L, _database.Sql("SELECT max(version) FROM schema_migrations").Single()[0]);
    }

    [Fact]
    public async Task Open_NewFile_MonitoringBucketsOfOneModelAndKindAreReadThroughTheKeyAndDeletedThroughTheEndIndex()
    {
        await (await new SqliteStoreProvider().OpenAsync(_database.Uri, CancellationToken.None)).DisposeAsync();

        string Plan(string sql) => string.Join(" | ", _database.Sql("EXPLAIN QUERY PLAN " + sql).Select(row => (string)row[3]!));

        Assert.Contains(
            "USING INDEX sqlite_autoindex_monitoring_buckets_1 (model=? AND kind=?)",
            Plan("SELECT * FROM monitoring_buckets WHERE model = 'titanic' AND kind = 'drift' AND end_at > '2026' ORDER BY start, variant, replica"),
            StringComparison.Ordinal);
        Assert.Contains("monitoring_buckets_by_end", Plan("DELETE FROM monitoring_buckets WHERE end_at <= '2026'"), StringComparison.Ordinal);
    }
}
