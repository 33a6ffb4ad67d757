using System.Text;
using System.Text.Json;
using Gangway.Bundles;
using Gangway.Deployment;
using Gangway.Store.Sqlite;
using Gangway.Stores;
using Gangway.Training;
using Microsoft.AspNetCore.Builder;

namespace Gangway.Server.Tests.Deployment;

/// <summary>
/// Three Titanic models trained once per test class: <see cref="TwoModels.Titanic"/>, a second one with the same request
/// schema (fewer trees) and <see cref="TwoModels.Baseline"/>, which reads fewer columns. Each test gets a SQLite store of
/// its own with them registered as titanic:1, :2 and :3 (aliases champion → 1, challenger → 2), and real Kestrel servers.
/// </summary>
public sealed class DeployedTitanic : IDisposable
{
    public DeployedTitanic()
    {
        // Beside the original, so the spec's relative paths (promotion data) still resolve.
        var spec = TitanicService.TestFile($"titanic-fewer-trees-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(spec, File.ReadAllText(TitanicService.TestFile("titanic.yaml")).Replace("trees: 50", "trees: 10", StringComparison.Ordinal));
        try
        {
            var path = Models.NewPath(".gwb");
            BundleWriter.Write(new ModelTrainer().Train(spec, TitanicService.TestFile("train.csv")), path);
            FewerTrees = File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(spec);
        }
    }

    public TwoModels Models { get; } = new();

    /// <summary>A Titanic model with the request schema of <see cref="TwoModels.Titanic"/> that scores differently.</summary>
    public byte[] FewerTrees { get; }

    /// <summary>A new store with titanic:1 (champion), titanic:2 (challenger, same schema) and titanic:3 (the baseline, another schema).</summary>
    public async Task<string> NewStoreAsync()
    {
        var store = Models.NewStore();
        Assert.Equal(1, await TwoModels.RegisterAsync(store, Models.Titanic));
        Assert.Equal(2, await TwoModels.RegisterAsync(store, FewerTrees));
        Assert.Equal(3, await TwoModels.RegisterAsync(store, Models.Baseline, "baseline.yaml"));
        await TwoModels.SetAliasAsync(store, 1, "champion");
        await TwoModels.SetAliasAsync(store, 2, "challenger");
        return store;
    }

    /// <summary>Applies a deployment as <c>gangway deploy apply</c> does.</summary>
    public static async Task<DeploymentSpec> ApplyAsync(string store, string yaml)
    {
        var spec = DeploymentSpecReader.Parse(yaml);
        await using var opened = await TwoModels.OpenAsync(store);
        await DeploymentApplier.ApplyAsync(opened, spec, new Change("tests"), CancellationToken.None);
        return spec;
    }

    /// <summary>The service on real Kestrel (loopback, a free port) serving <paramref name="deployment"/> from <paramref name="store"/>.</summary>
    public static async Task<(WebApplication App, HttpClient Client)> StartAsync(string store, string deployment)
    {
        string[] args = ["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default", "Warning", "--Gangway:Store", store, "--Gangway:Deployment", deployment];
        var app = GangwayServer.Build(args, stores: new StoreCatalog().Add(new SqliteStoreProvider()), accessLog: TextWriter.Null);
        await app.StartAsync();
        return (app, new HttpClient { BaseAddress = new Uri(app.Urls.Single()) });
    }

    /// <summary>A deployment of titanic@champion and titanic@challenger with these weights.</summary>
    public static string Yaml(int champion, int challenger, string sticky = "sticky: { header: X-Customer-Id }", string refresh = "5s") => $"""
        model: titanic
        variants:
          - {"{"} name: champion, model: titanic@champion, weight: {champion} {"}"}
          - {"{"} name: challenger, model: titanic@challenger, weight: {challenger} {"}"}
        {sticky}
        refresh: {refresh}
        """;

    /// <summary>Titanic records with these passenger ids (the other fields cycle through three passengers).</summary>
    public static string Records(IEnumerable<int> passengerIds)
    {
        var templates = JsonDocument.Parse(TwoModels.Records).RootElement.EnumerateArray().Select(e => e.GetRawText()).ToList();
        return "[" + string.Join(",", passengerIds.Select((id, i) => templates[i % templates.Count].Replace("\"PassengerId\": " + (892 + (i % templates.Count)), "\"PassengerId\": " + id, StringComparison.Ordinal))) + "]";
    }

    /// <summary>Posts records to /predict with an optional customer header; the answer's JSON and headers.</summary>
    public static async Task<(JsonElement Answer, HttpResponseMessage Response)> PredictAsync(HttpClient client, string records, string? customer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/predict", UriKind.Relative))
        {
            Content = new StringContent(records, Encoding.UTF8, "application/json"),
        };
        if (customer is not null)
        {
            request.Headers.Add("X-Customer-Id", customer);
        }

        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return (JsonDocument.Parse(text).RootElement.Clone(), response);
    }

    public void Dispose() => Models.Dispose();
}
