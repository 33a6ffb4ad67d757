using System.Diagnostics;
using System.Text.Json.Nodes;
using Gangway.Bundles;
using Gangway.Stores;

namespace Gangway.Cli.Tests.Commands;

/// <summary>
/// Crash safety and concurrent writers with real processes: the gangway tool runs as a child process and is killed with
/// SIGKILL inside a store transaction (through <see cref="CrashPoints"/>) and at random moments; afterwards the store
/// must open, hold only whole records and take new writes. Runs on SQLite, and on PostgreSQL when
/// <c>GANGWAY_TEST_POSTGRES</c> names a server (CI starts one).
/// </summary>
public sealed class StoreCrashTests : IDisposable
{
    private static readonly TimeSpan ChildTimeout = TimeSpan.FromMinutes(2);
    private readonly ExampleWorkspace _workspace = new();
    private readonly List<Action> _cleanups = [];

    public static TheoryData<string> Stores
    {
        get
        {
            var kinds = new TheoryData<string> { "sqlite" };
            if (Environment.GetEnvironmentVariable("GANGWAY_TEST_POSTGRES") is { Length: > 0 })
            {
                kinds.Add("postgresql");
            }

            return kinds;
        }
    }

    public void Dispose()
    {
        foreach (var cleanup in _cleanups)
        {
            cleanup();
        }

        _workspace.Dispose();
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task KilledInsideEveryKindOfWrite_NothingHalfWrittenAndTheStoreStaysUsable(string kind)
    {
        var store = NewStore(kind);
        var (first, second) = (Train(store, "titanic.yaml"), Train(store, "baseline.yaml"));
        Cli(store, "models", "register", "--run", first, "--name", "titanic");
        Cli(store, "models", "register", "--run", second, "--name", "titanic");
        Cli(store, "models", "promote", "titanic", "--version", "1", "--alias", "champion");
        var before = await SnapshotAsync(store);

        string[][] writes =
        [
            ["train", "--spec", _workspace["baseline.yaml"], "--data", _workspace["train.csv"]],
            ["models", "register", "--run", first, "--name", "titanic"],
            ["models", "register", "--run", second, "--name", "other"],
            ["models", "promote", "titanic", "--version", "2", "--alias", "champion", "--force", "--reason", "crash test"],
            ["models", "promote", "titanic", "--version", "2", "--alias", "challenger", "--force", "--reason", "crash test"],
        ];
        foreach (var write in writes)
        {
            var exit = await Child(store, write, crashAt: CrashPoints.BeforeCommit, killAfter: null);
            Assert.True(exit == 137 || exit < 0 || exit > 128, $"'{string.Join(' ', write)}' was not killed (exit {exit}).");
            Assert.Equal(before, await SnapshotAsync(store));
        }

        await AssertConsistentAndWritableAsync(store);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task KilledAtRandomMoments_StoreStaysConsistent(string kind)
    {
        var store = NewStore(kind);
        var run = Train(store, "baseline.yaml");
        var random = new Random(20261129);
        for (var attempt = 0; attempt < 6; attempt++)
        {
            // Cross-validation records a parent run, ten fold runs and a final update: many writes to land in.
            string[] busy = attempt % 2 == 0
                ? ["cv", "--spec", _workspace["baseline.yaml"], "--data", _workspace["train.csv"], "--folds", "10"]
                : ["models", "register", "--run", run, "--name", "titanic"];
            await Child(store, busy, crashAt: null, killAfter: TimeSpan.FromMilliseconds(random.Next(200, 3000)));
            await AssertConsistentAndWritableAsync(store);
        }
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task TwoProcessesRegisteringAtOnce_EveryVersionKeptOnce(string kind)
    {
        var store = NewStore(kind);
        var run = Train(store, "baseline.yaml");
        const int PerWriter = 4;

        async Task<List<int>> Writer()
        {
            var versions = new List<int>();
            for (var i = 0; i < PerWriter; i++)
            {
                var (exit, output) = await ChildOutput(store, ["models", "register", "--run", run, "--name", "titanic", "--json"]);
                Assert.True(exit == 0, output);
                versions.Add(JsonNode.Parse(output)!["version"]!.GetValue<int>());
            }

            return versions;
        }

        var results = await Task.WhenAll(Writer(), Writer());

        var all = results.SelectMany(v => v).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 2 * PerWriter), all);
        await using var opened = await CliApp.Stores().OpenAsync(store, CancellationToken.None);
        Assert.Equal(2 * PerWriter, (await opened.Registry.ListVersionsAsync("titanic", CancellationToken.None)).Count);
        Assert.Equal(2 * PerWriter, (await opened.Registry.ListAuditAsync(new AuditQuery("titanic", 1000), CancellationToken.None)).Count(e => e.Action == AuditActions.VersionRegistered));
    }

    private string NewStore(string kind)
    {
        if (kind == "sqlite")
        {
            return "sqlite:" + Path.Combine(_workspace.Root, "crash", Guid.NewGuid().ToString("N") + ".db");
        }

        // A schema of its own on the CI server, dropped afterwards.
        var server = Environment.GetEnvironmentVariable("GANGWAY_TEST_POSTGRES")!;
        var schema = "crash_" + Guid.NewGuid().ToString("N")[..12];
        Psql(server, $"CREATE SCHEMA {schema}");
        _cleanups.Add(() => Psql(server, $"DROP SCHEMA IF EXISTS {schema} CASCADE"));
        return server + (server.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "search_path=" + schema;
    }

    private static void Psql(string server, string sql)
    {
        using var connection = new Npgsql.NpgsqlConnection(PostgresConnectionString(server));
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string PostgresConnectionString(string uri)
    {
        var parsed = new Uri(uri);
        var user = Uri.UnescapeDataString(parsed.UserInfo.Split(':')[0]);
        return $"Host={parsed.Host};Port={(parsed.Port > 0 ? parsed.Port : 5432)};Username={user};Database={parsed.AbsolutePath.TrimStart('/')}";
    }

    private string Train(string store, string spec)
    {
        var run = CliRun.Invoke("train", "--spec", _workspace[spec], "--data", _workspace["train.csv"], "--json", "--store", store);
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonNode.Parse(run.Output)!["run_id"]!.GetValue<string>();
    }

    private static void Cli(string store, params string[] args)
    {
        var run = CliRun.Invoke([.. args, "--store", store]);
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    // Everything a reader can see: runs, versions, aliases and audit entries (by id, so a half-written record would differ).
    private static async Task<string> SnapshotAsync(string store)
    {
        await using var opened = await CliApp.Stores().OpenAsync(store, CancellationToken.None);
        var runs = (await opened.Runs.ListRunsAsync(new RunQuery(Limit: 10_000), CancellationToken.None)).Select(r => $"{r.Id}:{r.Status}:{r.Metrics.Count}:{r.Artifacts.Count}");
        var models = await opened.Registry.ListModelsAsync(CancellationToken.None);
        var versions = new List<string>();
        foreach (var model in models)
        {
            versions.AddRange((await opened.Registry.ListVersionsAsync(model.Name, CancellationToken.None)).Select(v => $"{v.Reference}:{v.Sha256}"));
        }

        var aliases = models.SelectMany(m => m.Aliases.Select(a => $"{m.Name}@{a.Key}={a.Value}"));
        var audit = (await opened.Registry.ListAuditAsync(new AuditQuery(Limit: 10_000), CancellationToken.None)).Select(e => $"{e.Id}:{e.Action}:{e.Subject}");
        return string.Join("\n", [.. runs, "--", .. versions, "--", .. aliases, "--", .. audit]);
    }

    private static async Task AssertConsistentAndWritableAsync(string store)
    {
        string runId;
        await using (var opened = await CliApp.Stores().OpenAsync(store, CancellationToken.None))
        {
            var audit = await opened.Registry.ListAuditAsync(new AuditQuery(Limit: 10_000), CancellationToken.None);
            var runs = await opened.Runs.ListRunsAsync(new RunQuery(Limit: 10_000), CancellationToken.None);
            foreach (var run in runs)
            {
                Assert.Contains(audit, e => e.Action == AuditActions.RunCreated && e.Subject == run.Id);
                foreach (var artifact in run.Artifacts)
                {
                    Assert.Equal(artifact.Sha256, Hashing.Sha256((await opened.Runs.ReadArtifactAsync(run.Id, artifact.Name, CancellationToken.None))!));
                }
            }

            foreach (var model in await opened.Registry.ListModelsAsync(CancellationToken.None))
            {
                var versions = await opened.Registry.ListVersionsAsync(model.Name, CancellationToken.None);
                Assert.Equal(Enumerable.Range(1, versions.Count).Reverse(), versions.Select(v => v.Version));
                foreach (var version in versions)
                {
                    Assert.Equal(version.Sha256, Hashing.Sha256(await opened.Registry.ReadVersionArtifactAsync(model.Name, version.Version, CancellationToken.None)));
                    Assert.Contains(audit, e => e.Action == AuditActions.VersionRegistered && e.Subject == version.Reference);
                }

                Assert.All(model.Aliases.Values, v => Assert.InRange(v, 1, model.LatestVersion));
            }

            runId = runs.First(r => r.Artifacts.Any(a => a.Name == RunArtifact.ModelBundle)).Id;
        }

        var registered = CliRun.Invoke("models", "register", "--run", runId, "--name", "after-crash", "--json", "--store", store);
        Assert.True(registered.ExitCode == 0, registered.ToString());
        var number = JsonNode.Parse(registered.Output)!["version"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var promoted = CliRun.Invoke("models", "promote", "after-crash", "--version", number, "--alias", "champion", "--force", "--reason", "after a crash", "--store", store);
        Assert.True(promoted.ExitCode == 0, promoted.ToString());
    }

    private Task<int> Child(string store, string[] args, string? crashAt, TimeSpan? killAfter) =>
        ChildRun(store, args, crashAt, killAfter).ContinueWith(t => t.Result.Exit, TaskScheduler.Default);

    private Task<(int Exit, string Output)> ChildOutput(string store, string[] args) => ChildRun(store, args, null, null);

    // The real tool in its own process: dotnet Gangway.Cli.dll <args> --store <store>, from the workspace directory.
    private async Task<(int Exit, string Output)> ChildRun(string store, string[] args, string? crashAt, TimeSpan? killAfter)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _workspace.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "Gangway.Cli.dll"), .. args, "--store", store, "-q"])
        {
            start.ArgumentList.Add(arg);
        }

        if (crashAt is not null)
        {
            start.Environment[CrashPoints.EnvironmentVariable] = crashAt;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(killAfter ?? ChildTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.True(killAfter is not null, $"'{string.Join(' ', args)}' did not finish in {ChildTimeout}.");
        }

        return (process.ExitCode, await output + await error);
    }
}
