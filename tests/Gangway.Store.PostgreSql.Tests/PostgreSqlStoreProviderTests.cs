using System.Net;
using System.Net.Sockets;
using Gangway.Store.PostgreSql.Sql;
using Gangway.Stores;

namespace Gangway.Store.PostgreSql.Tests;

public class PostgreSqlStoreProviderTests
{
    private readonly PostgreSqlStoreProvider _provider = new();

    [Theory]
    [InlineData("postgresql://u@h/db", true)]
    [InlineData("POSTGRES://u@h/db", true)]
    [InlineData("sqlite:.gangway/gangway.db", false)]
    [InlineData("postgresqlx://u@h/db", false)]
    public void CanOpen_Scheme_RecognisesPostgreSqlOnly(string uri, bool expected) =>
        Assert.Equal(expected, _provider.CanOpen(uri));

    [Fact]
    public void UriForms_NameBothSchemes()
    {
        Assert.Contains(_provider.UriForms, f => f.StartsWith("postgresql://", StringComparison.Ordinal));
        Assert.Contains(_provider.UriForms, f => f.StartsWith("postgres://", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Open_NothingListensOnPort_ThrowsNamingServerWithPasswordHidden()
    {
        var port = UnusedPort();
        var uri = $"postgresql://gangway:hunter2@127.0.0.1:{port}/gangway?connect_timeout=5";

        var error = await Assert.ThrowsAsync<GangwayException>(() => _provider.OpenAsync(uri, CancellationToken.None));

        Assert.Equal(ErrorKind.InvalidConfiguration, error.Kind);
        Assert.Contains($"postgresql://gangway:***@127.0.0.1:{port}/gangway", error.Message, StringComparison.Ordinal);
        Assert.Contains($"cannot connect to 127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_ThroughCatalog_OpensPostgreSqlUris()
    {
        var catalog = new StoreCatalog().Add(_provider);
        var port = UnusedPort();

        var error = await Assert.ThrowsAsync<GangwayException>(() => catalog.OpenAsync($"postgres://u@127.0.0.1:{port}/db", CancellationToken.None));

        Assert.Contains("cannot connect", error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Open_DatabaseMissing_ThrowsNotFoundNamingTheDatabase()
    {
        var uri = ReplaceDatabase(TestServer.RequireUri(), "gangway_no_such_db");

        var error = await Assert.ThrowsAsync<GangwayException>(() => _provider.OpenAsync(uri, CancellationToken.None));

        Assert.Equal(ErrorKind.NotFound, error.Kind);
        Assert.Contains("database 'gangway_no_such_db' does not exist", error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Open_UnknownUser_ThrowsAuthenticationFailureWithPasswordHidden()
    {
        var server = PostgreSqlUri.Parse(TestServer.RequireUri());
        var uri = $"postgresql://gangway_nobody:hunter2@{server.Host}:{server.Port}/{server.Database}";

        var error = await Assert.ThrowsAsync<GangwayException>(() => _provider.OpenAsync(uri, CancellationToken.None));

        Assert.Equal(ErrorKind.InvalidConfiguration, error.Kind);
        Assert.Contains("authentication as user 'gangway_nobody' failed", error.Message, StringComparison.Ordinal);
        Assert.Contains("gangway_nobody:***@", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Open_SchemaNewerThanCode_ThrowsAskingForUpgrade()
    {
        using var schema = new TestSchema();
        await (await _provider.OpenAsync(schema.Uri, CancellationToken.None)).DisposeAsync();
        TestServer.Execute($"INSERT INTO {schema.Name}.schema_migrations (version) VALUES (999)");

        var error = await Assert.ThrowsAsync<GangwayException>(() => _provider.OpenAsync(schema.Uri, CancellationToken.None));

        Assert.Equal(ErrorKind.InvalidInput, error.Kind);
        Assert.Contains($"schema version 999 is newer than this Gangway supports ({PostgreSqlMigrations.Steps.Count}); upgrade Gangway", error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Open_ManyAtOnceOnEmptySchema_AllSucceedAndMigrateOnce()
    {
        using var schema = new TestSchema();

        var stores = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => _provider.OpenAsync(schema.Uri, CancellationToken.None))));
        foreach (var opened in stores)
        {
            await opened.DisposeAsync();
        }

        await using var store = await _provider.OpenAsync(schema.Uri, CancellationToken.None);
        Assert.Empty(await store.Registry.ListModelsAsync(CancellationToken.None));
        TestServer.Execute($"DO $$ BEGIN IF (SELECT count(*) FROM {schema.Name}.schema_migrations) <> {PostgreSqlMigrations.Steps.Count} THEN RAISE 'migrated more than once'; END IF; END $$");
    }

    [PostgresFact]
    public async Task Open_StoreLoggedBeforeTheCounters_BackFillsThemFromTheLoggedRecords()
    {
        using var schema = new TestSchema();
        TestServer.Execute(
            $"SET search_path = {schema.Name}; {PostgreSqlMigrations.CreateMigrationsTable}; " +
            string.Concat(PostgreSqlMigrations.Steps.Take(4).Select((step, i) => $"{step}; INSERT INTO schema_migrations (version) VALUES ({i + 1}); ")) +
            "INSERT INTO predictions (id, answer_id, scored_at, model, variant, is_shadow, source, bundle_hash, inputs, prediction, latency_ms) " +
            "SELECT id, answer, at::timestamptz, model, variant, shadow, 'predict', 'h', '{}', '1', 0.5 FROM (VALUES " +
            "('a1', 'a1', '2026-12-01T10:00:05Z', 'titanic', 'champion', false), ('a2', 'a2', '2026-12-01T10:00:59.999Z', 'titanic', 'champion', false), " +
            "('s1', 'a1', '2026-12-01T10:00:05Z', 'titanic', 'candidate', true), ('b1', 'b1', '2026-12-01T10:01:00Z', 'titanic', NULL, false), " +
            "('c1', 'c1', '2026-12-01T10:02:00Z', 'upsell', 'champion', false)) AS r (id, answer, at, model, variant, shadow)");

        await using var store = await _provider.OpenAsync(schema.Uri, CancellationToken.None);
        var start = new DateTimeOffset(2026, 12, 1, 10, 0, 30, TimeSpan.Zero);

        Assert.Equal(
            [new PredictionCount(null, false, 1), new PredictionCount("champion", false, 2), new PredictionCount("candidate", true, 1)],
            (await store.PredictionLog.CountAsync("titanic", start, CancellationToken.None)).OrderBy(c => c.IsShadow).ThenBy(c => c.Variant, StringComparer.Ordinal));
        Assert.Equal([new PredictionCount(null, false, 1)], await store.PredictionLog.CountAsync("titanic", start.AddMinutes(1), CancellationToken.None));
        Assert.Equal([new PredictionCount("champion", false, 1)], await store.PredictionLog.CountAsync("upsell", start, CancellationToken.None));
    }

    [PostgresFact]
    public async Task Open_StoreOfSchemaSix_AddsMonitoringWindowsAndKeepsItsLog()
    {
        using var schema = new TestSchema();
        TestServer.Execute(
            $"SET search_path = {schema.Name}; {PostgreSqlMigrations.CreateMigrationsTable}; " +
            string.Concat(PostgreSqlMigrations.Steps.Take(6).Select((step, i) => $"{step}; INSERT INTO schema_migrations (version) VALUES ({i + 1}); ")) +
            "INSERT INTO predictions (id, answer_id, scored_at, model, variant, is_shadow, source, bundle_hash, inputs, prediction, latency_ms) " +
            "VALUES ('a1', 'a1', '2026-12-01T10:00:05Z', 'titanic', 'champion', false, 'predict', 'h', '{}', '1', 0.5)");
        var start = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        var bucket = new MonitoringBucket("titanic", "drift", "champion", "replica-a", start, start.AddMinutes(1), 1, "{}", start.AddMinutes(1));

        await using var store = await _provider.OpenAsync(schema.Uri, CancellationToken.None);
        await store.MonitoringWindows.SaveAsync([bucket], CancellationToken.None);

        Assert.Equal([bucket], await store.MonitoringWindows.ReadAsync("titanic", "drift", start, CancellationToken.None));
        Assert.Equal("a1", (await store.PredictionLog.FindAsync("a1", CancellationToken.None))!.PredictionId);
        TestServer.Execute($"DO $$ BEGIN IF (SELECT max(version) FROM {schema.Name}.schema_migrations) <> 7 THEN RAISE 'not migrated to 7'; END IF; END $$");
    }

    [PostgresFact]
    public async Task Open_PasswordInUri_DisplayUriHidesIt()
    {
        using var schema = new TestSchema();
        var server = PostgreSqlUri.Parse(schema.Uri);
        // Trust authentication on the test server accepts any password.
        var uri = $"postgresql://{server.Username}:hunter2@{server.Host}:{server.Port}/{server.Database}?search_path={schema.Name}";

        await using var store = await _provider.OpenAsync(uri, CancellationToken.None);

        Assert.Equal($"postgresql://{server.Username}:***@{server.Host}:{server.Port}/{server.Database}?search_path={schema.Name}", store.DisplayUri);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string ReplaceDatabase(string uri, string database)
    {
        var settings = PostgreSqlUri.Parse(uri);
        var password = settings.Password is { } secret ? ":" + Uri.EscapeDataString(secret) : "";
        return $"postgresql://{settings.Username}{password}@{settings.Host}:{settings.Port}/{database}";
    }
}
