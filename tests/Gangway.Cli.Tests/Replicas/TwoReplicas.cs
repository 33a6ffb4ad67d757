using System.Text.Json.Nodes;
using Gangway.Stores;

namespace Gangway.Cli.Tests.Replicas;

/// <summary>
/// Two <c>gangway serve</c> processes on one PostgreSQL store (a schema of their own on the test server) behind one
/// nginx, started once for the tests of a class. The store holds the Titanic model registered twice (version 1 is
/// <c>champion</c>, version 2 <c>challenger</c>) and a deployment of <c>titanic</c> that sends everything to the
/// champion, sticky by <c>X-Customer-Id</c>; the replicas re-read it every second.
/// </summary>
public sealed class TwoReplicas : IAsyncLifetime, IDisposable
{
    /// <summary>The header the deployments route by.</summary>
    public const string CustomerHeader = "X-Customer-Id";

    private ExampleWorkspace? _workspace;
    private PostgresSchema? _schema;
    private readonly List<ServeProcess> _replicas = [];
    private Nginx? _nginx;

    /// <summary>The store both replicas serve from.</summary>
    public string Store => _schema?.Uri ?? throw NotStarted();

    /// <summary>A client of nginx, the only way the tests reach the replicas.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>Each replica's address as nginx names it in <see cref="Nginx.UpstreamHeader"/> (<c>127.0.0.1:port</c>).</summary>
    public IReadOnlyList<string> Upstreams => [.. _replicas.Select(r => r.Address.Authority)];

    /// <summary>The test's workspace (the Titanic example), for files the CLI writes.</summary>
    public ExampleWorkspace Workspace => _workspace ?? throw NotStarted();

    /// <summary>A deployment of <c>titanic</c>: champion and challenger at the given weights, sticky by <see cref="CustomerHeader"/>.</summary>
    public static string Deployment(int champion, int challenger) => $$"""
        model: titanic
        variants:
          - { name: champion,   model: titanic@champion,   weight: {{champion}} }
          - { name: challenger, model: titanic@challenger, weight: {{challenger}} }
        sticky: { header: {{CustomerHeader}} }
        champion: champion
        refresh: 1s
        """;

    public async Task InitializeAsync()
    {
        if (ReplicasFactAttribute.SkipReason is not null)
        {
            return;
        }

        if (ReplicasFactAttribute.MissingReason is { } missing)
        {
            throw new InvalidOperationException(missing + " CI is set, so this fails instead of skipping.");
        }

        _workspace = new ExampleWorkspace();
        _schema = new PostgresSchema("replicas_");
        await RegisterTwoVersionsAsync();
        Cli("deploy", "apply", WriteDeployment("initial.yaml", champion: 100, challenger: 0), "--actor", "tests");

        var environment = new Dictionary<string, string>
        {
            // Follows aliases and the deployment every second, so a change reaches both replicas quickly.
            ["Gangway__RefreshSeconds"] = "1",
            // Both replicas log into the store they serve from, which is what makes one set of online metrics.
            ["Gangway__PredictionLog"] = "store",
        };
        string[] serve = [.. ServeArguments(), "--store", Store];
        _replicas.AddRange(await Task.WhenAll(ServeProcess.StartAsync(serve, environment), ServeProcess.StartAsync(serve, environment)));
        _nginx = await Nginx.StartAsync([.. _replicas.Select(r => r.Address)]);
        Client = new HttpClient { BaseAddress = _nginx.Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_nginx is not null)
        {
            await _nginx.DisposeAsync();
        }

        await Task.WhenAll(_replicas.Select(r => r.DisposeAsync().AsTask()));
    }

    /// <summary>Drops the store's schema and deletes the workspace (xunit calls it after <see cref="DisposeAsync"/>).</summary>
    public void Dispose()
    {
        _schema?.Dispose();
        _workspace?.Dispose();
    }

    /// <summary>Writes <see cref="Deployment"/> into the workspace and returns its path.</summary>
    public string WriteDeployment(string name, int champion, int challenger)
    {
        var path = Workspace[name];
        File.WriteAllText(path, Deployment(champion, challenger));
        return path;
    }

    /// <summary>Runs the gangway tool on <see cref="Store"/> and returns what it printed; fails the test when it fails.</summary>
    public string Cli(params string[] args)
    {
        var run = CliRun.Invoke([.. args, "--store", Store]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run.Output;
    }

    /// <summary>What the replicas wrote on standard error, for a failure message.</summary>
    public string ReplicaErrors() => string.Join("\n", _replicas.Select((r, i) => $"--- replica {i + 1} ({r.Address.Authority})\n{r.Errors}"))
        + $"\n--- nginx\n{_nginx?.Log()}";

    private static string[] ServeArguments() => ["--deployment", "titanic"];

    private async Task RegisterTwoVersionsAsync()
    {
        var trained = Cli("train", "--spec", Workspace["titanic.yaml"], "--data", Workspace["train.csv"], "--json");
        var run = JsonNode.Parse(trained)!["run_id"]!.GetValue<string>();
        Cli("models", "register", "--run", run, "--name", "titanic");
        Cli("models", "register", "--run", run, "--name", "titanic");
        await using var store = await CliApp.Stores().OpenAsync(Store, CancellationToken.None);
        foreach (var (alias, version) in new[] { ("champion", 1), ("challenger", 2) })
        {
            await store.Registry.SetAliasAsync("titanic", alias, version, new Change("tests"), CancellationToken.None);
        }
    }

    private static InvalidOperationException NotStarted() => new("The replicas were not started: " + ReplicasFactAttribute.SkipReason);
}
