using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Gangway.Store.Sqlite;
using Gangway.Stores;
using Microsoft.AspNetCore.Builder;

namespace Gangway.Server.Tests.Serving;

/// <summary>Promotions and rollbacks while clients keep predicting, on the real Kestrel server: no request may fail.</summary>
public sealed class ModelSwapLoadTests(TwoModels models) : IClassFixture<TwoModels>
{
    private const int Clients = 4;

    [Fact]
    public async Task Predict_ContinuouslyThroughPromotionAndRollback_AllAnswered200ByBothVersions()
    {
        var store = models.NewStore();
        await TwoModels.SetAliasAsync(store, await TwoModels.RegisterAsync(store, models.Titanic));
        await TwoModels.RegisterAsync(store, models.Baseline, "baseline.yaml");
        await using var app = GangwayServer.Build(
            ["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default", "Warning", "--Gangway:Store", store, "--Gangway:AdminApiKey", TwoModels.AdminKey, "--Gangway:RefreshSeconds", "1"],
            "titanic@champion",
            stores: new StoreCatalog().Add(new SqliteStoreProvider()));
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        var failures = new ConcurrentQueue<string>();
        var versions = new ConcurrentDictionary<string, int>();
        using var stop = new CancellationTokenSource();

        var load = Enumerable.Range(0, Clients).Select(_ => Task.Run(() => Predict(client, versions, failures, stop.Token))).ToArray();
        await Task.Delay(TimeSpan.FromSeconds(1));
        using var promoted = await TwoModels.Admin(client, "/admin/promote", new { model = "titanic", version = 2, alias = "champion", reason = "load test: the baseline fails the gates", force = true });
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        using var rolledBack = await TwoModels.Admin(client, "/admin/rollback", new { model = "titanic", alias = "champion", reason = "load test" });
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await stop.CancelAsync();
        await Task.WhenAll(load);

        Assert.True(promoted.IsSuccessStatusCode, await promoted.Content.ReadAsStringAsync());
        Assert.True(rolledBack.IsSuccessStatusCode, await rolledBack.Content.ReadAsStringAsync());
        Assert.Empty(failures);
        Assert.Equal(new[] { models.BaselineVersion, models.TitanicVersion }.Order(StringComparer.Ordinal), versions.Keys.Order(StringComparer.Ordinal));
        Assert.True(versions.Values.Sum() > 100, $"Only {versions.Values.Sum()} predictions were answered.");
        Assert.Equal(models.TitanicVersion, await TwoModels.PredictedVersion(client));
        await app.StopAsync();
    }

    private static async Task Predict(HttpClient client, ConcurrentDictionary<string, int> versions, ConcurrentQueue<string> failures, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            using var response = await client.PostAsync(new Uri("/predict", UriKind.Relative), new StringContent(TwoModels.Records, Encoding.UTF8, "application/json"), CancellationToken.None);
            var text = await response.Content.ReadAsStringAsync(CancellationToken.None);
            if (!response.IsSuccessStatusCode)
            {
                failures.Enqueue($"{(int)response.StatusCode}: {text}");
                continue;
            }

            var answer = JsonDocument.Parse(text).RootElement;
            Assert.Equal(3, answer.GetProperty("predictions").GetArrayLength());
            versions.AddOrUpdate(answer.GetProperty("model").GetProperty("version").GetString()!, 1, (_, count) => count + 1);
        }
    }
}
