using System.Net;
using System.Text.Json;
using Gangway.Deployment;
using Gangway.Stores;

namespace Gangway.Server.Tests.Deployment;

/// <summary>A deployment served on real Kestrel from a real SQLite store: routing, answers, refreshes and refusals.</summary>
public sealed class DeploymentServingTests(DeployedTitanic titanic) : IClassFixture<DeployedTitanic>
{
    [Fact]
    public async Task Predict_HeaderRouting_IsStickyFollowsWeightsAndSaysTheVariant()
    {
        var store = await titanic.NewStoreAsync();
        var spec = await DeployedTitanic.ApplyAsync(store, DeployedTitanic.Yaml(80, 20));
        var (app, client) = await DeployedTitanic.StartAsync(store, "titanic");
        await using var _ = app;
        using var __ = client;
        var router = new StickyRouter(spec.Variants);
        var one = DeployedTitanic.Records([892]);

        var challenger = 0;
        for (var key = 0; key < 1000; key++)
        {
            var (answer, response) = await DeployedTitanic.PredictAsync(client, one, $"customer-{key}");
            var variant = answer.GetProperty("predictions")[0].GetProperty("variant").GetString();
            // Deterministic: the router of another process (this test's) picks the same variant for the key.
            Assert.Equal(router.Variants[router.Route($"customer-{key}")], variant);
            Assert.Equal(variant, answer.GetProperty("model").GetProperty("variant").GetString());
            var registered = variant == "champion" ? "titanic:1" : "titanic:2";
            Assert.Equal(registered, answer.GetProperty("model").GetProperty("registered").GetString());
            Assert.StartsWith($"{registered}; bundle=", response.Headers.GetValues("X-Gangway-Model").Single(), StringComparison.Ordinal);
            Assert.EndsWith($" ({variant})", response.Headers.GetValues("X-Gangway-Model").Single(), StringComparison.Ordinal);
            challenger += variant == "challenger" ? 1 : 0;
            response.Dispose();
        }

        // 1,000 keys at 20%: 200 expected, standard deviation 12.6; 4.5 of them either side.
        Assert.InRange(challenger, 143, 257);
        var again = await DeployedTitanic.PredictAsync(client, DeployedTitanic.Records([892, 893, 894]), "customer-7");
        Assert.All(again.Answer.GetProperty("predictions").EnumerateArray(), p => Assert.Equal(router.Variants[router.Route("customer-7")], p.GetProperty("variant").GetString()));
        again.Response.Dispose();

        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var challengerRecords = challenger + (router.Route("customer-7") == 1 ? 3 : 0);
        Assert.Equal(challengerRecords, PrometheusText.Value(metrics, "gangway_predictions_total", ("variant", "challenger"), ("endpoint", "/predict")));
        Assert.Equal(1003 - challengerRecords, PrometheusText.Value(metrics, "gangway_predictions_total", ("variant", "champion"), ("endpoint", "/predict")));
        await app.StopAsync();
    }

    [Fact]
    public async Task Refresh_WeightsRaisedWhileRequestsRun_MovesKeysOnlyIntoTheChallengerWithoutFailures()
    {
        var store = await titanic.NewStoreAsync();
        var before = new StickyRouter((await DeployedTitanic.ApplyAsync(store, DeployedTitanic.Yaml(90, 10, refresh: "200ms"))).Variants);
        var (app, client) = await DeployedTitanic.StartAsync(store, "titanic");
        await using var _ = app;
        using var __ = client;
        var keys = Enumerable.Range(0, 300).Select(k => $"customer-{k}").ToList();
        var one = DeployedTitanic.Records([892]);

        using var stop = new CancellationTokenSource();
        var failures = 0;
        var answered = 0;
        var load = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var i = worker; !stop.IsCancellationRequested; i += 4)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/predict", UriKind.Relative)) { Content = new StringContent(one, System.Text.Encoding.UTF8, "application/json") };
                request.Headers.Add("X-Customer-Id", keys[i % keys.Count]);
                using var response = await client.SendAsync(request);
                Interlocked.Increment(ref answered);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToList();

        await Task.Delay(300);
        var after = new StickyRouter((await DeployedTitanic.ApplyAsync(store, DeployedTitanic.Yaml(80, 20, refresh: "200ms"))).Variants);
        var moved = keys.First(k => before.Route(k) == 0 && after.Route(k) == 1);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await VariantOf(client, moved) != "challenger")
        {
            Assert.True(DateTime.UtcNow < deadline, "The raised weight did not reach the service within 30 seconds.");
            await Task.Delay(100);
        }

        await Task.Delay(300);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        Assert.Equal(0, failures);
        Assert.True(answered > 0);
        foreach (var key in keys)
        {
            var variant = await VariantOf(client, key);
            Assert.Equal(after.Variants[after.Route(key)], variant);
            if (before.Route(key) == 1)
            {
                Assert.Equal("challenger", variant);
            }
        }

        Assert.Contains(keys, k => before.Route(k) == 0 && after.Route(k) == 1);
        await app.StopAsync();
    }

    [Fact]
    public async Task Predict_FieldRouting_SplitsTheBatchAndKeepsRequestOrder()
    {
        var store = await titanic.NewStoreAsync();
        var spec = await DeployedTitanic.ApplyAsync(store, DeployedTitanic.Yaml(50, 50, "sticky: { field: PassengerId }"));
        var (app, client) = await DeployedTitanic.StartAsync(store, "titanic");
        await using var _ = app;
        using var __ = client;
        var router = new StickyRouter(spec.Variants);
        var ids = Enumerable.Range(1000, 40).ToList();

        var (answer, response) = await DeployedTitanic.PredictAsync(client, DeployedTitanic.Records(ids));
        response.Dispose();

        var predictions = answer.GetProperty("predictions").EnumerateArray().ToList();
        Assert.Equal(ids, predictions.Select(p => p.GetProperty("PassengerId").GetInt32()));
        Assert.Equal(ids.Select(id => router.Variants[router.Route(id.ToString(System.Globalization.CultureInfo.InvariantCulture))]), predictions.Select(p => p.GetProperty("variant").GetString()));
        Assert.Equal(2, predictions.Select(p => p.GetProperty("variant").GetString()).Distinct().Count());
        Assert.False(answer.GetProperty("model").TryGetProperty("variant", out JsonElement _));
        for (var i = 0; i < 6; i++)
        {
            // Each record alone goes to the same variant and scores the same as within the split batch.
            var (alone, aloneResponse) = await DeployedTitanic.PredictAsync(client, DeployedTitanic.Records([ids[i]]));
            aloneResponse.Dispose();
            Assert.Equal(predictions[i].GetProperty("variant").GetString(), alone.GetProperty("model").GetProperty("variant").GetString());
        }

        // A graceful stop drains the prediction log: each record of the split batch is logged with the variant that answered it.
        await app.StopAsync();
        var logged = new Dictionary<string, string?>();
        await using (var opened = await TwoModels.OpenAsync(store))
        {
            await foreach (var record in opened.PredictionLog.ReadAsync(new PredictionQuery("titanic"), CancellationToken.None))
            {
                logged[record.PredictionId] = record.Variant;
            }
        }

        Assert.All(predictions, p => Assert.Equal(p.GetProperty("variant").GetString(), logged[p.GetProperty("prediction_id").GetString()!]));
    }

    [Fact]
    public async Task Upsell_FieldRouting_SplitsTheBatchAndSaysEachRecordsVariant()
    {
        var store = await titanic.NewStoreAsync();
        var spec = await DeployedTitanic.ApplyAsync(store, DeployedTitanic.Yaml(50, 50, "sticky: { field: PassengerId }"));
        var (app, client) = await DeployedTitanic.StartAsync(store, "titanic");
        await using var _ = app;
        using var __ = client;
        var router = new StickyRouter(spec.Variants);
        var ids = Enumerable.Range(2000, 30).ToList();

        using var response = await client.PostAsync(new Uri("/upsell", UriKind.Relative), new StringContent(DeployedTitanic.Records(ids), System.Text.Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.IsSuccessStatusCode, text);
        var results = JsonDocument.Parse(text).RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(ids, results.Select(r => r.GetProperty("PassengerId").GetInt32()));
        Assert.Equal(ids.Select(id => router.Variants[router.Route(id.ToString(System.Globalization.CultureInfo.InvariantCulture))]), results.Select(r => r.GetProperty("variant").GetString()));
        Assert.Equal(2, results.Select(r => r.GetProperty("variant").GetString()).Distinct().Count());
        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(results.Count(r => r.GetProperty("variant").GetString() == "challenger"), PrometheusText.Value(metrics, "gangway_predictions_total", ("variant", "challenger"), ("endpoint", "/upsell")));
        await app.StopAsync();
    }

    [Fact]
    public async Task Serve_DeploymentFile_ListsVariantsAndShadowsAndIsReady()
    {
        var store = await titanic.NewStoreAsync();
        var file = titanic.Models.NewPath(".yaml");
        await File.WriteAllTextAsync(file, DeployedTitanic.Yaml(3, 1) + "\nshadow:\n  - { name: fewer, model: titanic:2 }\n");
        var (app, client) = await DeployedTitanic.StartAsync(store, file);
        await using var _ = app;
        using var __ = client;

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var models = JsonDocument.Parse(await client.GetStringAsync(new Uri("/models", UriKind.Relative))).RootElement;
        Assert.Equal(
            [("champion", "titanic:1", "variant", 3.0), ("challenger", "titanic:2", "variant", 1.0), ("fewer", "titanic:2", "shadow", -1.0)],
            models.EnumerateArray().Select(m => (
                m.GetProperty("variant").GetString(),
                m.GetProperty("registered").GetString(),
                m.GetProperty("role").GetString(),
                m.TryGetProperty("weight", out var weight) ? weight.GetDouble() : -1.0)));
        var home = JsonDocument.Parse(await client.GetStringAsync(new Uri("/", UriKind.Relative))).RootElement;
        Assert.Equal(file, home.GetProperty("deployment").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, home.GetProperty("deployment").GetProperty("revision").ValueKind);
        Assert.Equal("header X-Customer-Id", home.GetProperty("deployment").GetProperty("sticky").GetString());
        Assert.Equal("fewer", home.GetProperty("deployment").GetProperty("shadows")[0].GetProperty("name").GetString());
        var (answer, response) = await DeployedTitanic.PredictAsync(client, TwoModels.Records, "someone");
        response.Dispose();
        Assert.Equal(3, answer.GetProperty("predictions").GetArrayLength());
        await app.StopAsync();
    }

    [Fact]
    public async Task Refresh_BadNewDeployment_KeepsTheOldOneServingAndCountsTheFailure()
    {
        var store = await titanic.NewStoreAsync();
        var file = titanic.Models.NewPath(".yaml");
        await File.WriteAllTextAsync(file, DeployedTitanic.Yaml(1, 0, refresh: "100ms"));
        var (app, client) = await DeployedTitanic.StartAsync(store, file);
        await using var _ = app;
        using var __ = client;

        // A version that does not exist: the new deployment cannot load.
        await File.WriteAllTextAsync(file, DeployedTitanic.Yaml(1, 0, refresh: "100ms").Replace("titanic@challenger", "titanic:99", StringComparison.Ordinal));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (PrometheusText.Value(await client.GetStringAsync(new Uri("/metrics", UriKind.Relative)), "gangway_deployment_refresh_failures_total", ("deployment", file)) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The bad deployment was not refused within 30 seconds.");
            await Task.Delay(100);
        }

        var (answer, response) = await DeployedTitanic.PredictAsync(client, TwoModels.Records, "someone");
        response.Dispose();
        Assert.Equal("champion", answer.GetProperty("model").GetProperty("variant").GetString());
        var models = JsonDocument.Parse(await client.GetStringAsync(new Uri("/models", UriKind.Relative))).RootElement;
        Assert.Equal("titanic:2", models[1].GetProperty("registered").GetString());
        await app.StopAsync();
    }

    [Fact]
    public async Task Serve_VariantsReadingDifferentColumnsRoutedByHeader_EachAnswersWithItsOwnModel()
    {
        var store = await titanic.NewStoreAsync();
        var spec = await DeployedTitanic.ApplyAsync(store, DeployedTitanic.Yaml(1, 1).Replace("titanic@challenger", "titanic:3", StringComparison.Ordinal));
        var router = new StickyRouter(spec.Variants);
        var (app, client) = await DeployedTitanic.StartAsync(store, "titanic");
        await using var _ = app;
        using var __ = client;

        var seen = new HashSet<string>();
        for (var key = 0; key < 20; key++)
        {
            var (answer, response) = await DeployedTitanic.PredictAsync(client, TwoModels.Records, $"customer-{key}");
            response.Dispose();
            var variant = router.Variants[router.Route($"customer-{key}")];
            Assert.Equal(variant, answer.GetProperty("model").GetProperty("variant").GetString());
            Assert.Equal(variant == "champion" ? "titanic:1" : "titanic:3", answer.GetProperty("model").GetProperty("registered").GetString());
            seen.Add(variant);
        }

        Assert.Equal(["challenger", "champion"], seen.Order());
        await app.StopAsync();
    }

    [Fact]
    public async Task Start_FieldRoutedVariantsThatDoNotShareTheRequestSchema_StopsNamingBothAndTheColumn()
    {
        var store = await titanic.NewStoreAsync();
        await DeployedTitanic.ApplyAsync(store, DeployedTitanic.Yaml(1, 1, "sticky: { field: PassengerId }").Replace("titanic@challenger", "titanic:3", StringComparison.Ordinal));

        var ex = await FailedStart.Of<GangwayException>(new Dictionary<string, string?> { ["Gangway:Store"] = store, ["Gangway:Deployment"] = "titanic" });

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
        Assert.Contains("variants 'champion' and 'challenger' must share the request schema", ex.Message, StringComparison.Ordinal);
        Assert.Contains("input column", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_DeploymentNamingAModelThatDoesNotResolve_StopsWithTheReason()
    {
        var store = await titanic.NewStoreAsync();
        var file = titanic.Models.NewPath(".yml");
        await File.WriteAllTextAsync(file, DeployedTitanic.Yaml(1, 1).Replace("titanic@challenger", "titanic@nightly", StringComparison.Ordinal));

        var ex = await FailedStart.Of<GangwayException>(new Dictionary<string, string?> { ["Gangway:Store"] = store, ["Gangway:Deployment"] = file });

        Assert.Equal(ErrorKind.NotFound, ex.Kind);
        Assert.Contains("'challenger' (titanic@nightly) cannot be served", ex.Message, StringComparison.Ordinal);
        Assert.Contains("nightly", ex.Message, StringComparison.Ordinal);
    }

    private static async Task<string?> VariantOf(HttpClient client, string key)
    {
        var (answer, response) = await DeployedTitanic.PredictAsync(client, DeployedTitanic.Records([892]), key);
        response.Dispose();
        return answer.GetProperty("predictions")[0].GetProperty("variant").GetString();
    }
}
