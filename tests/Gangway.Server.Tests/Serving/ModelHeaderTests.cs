using System.Net;
using System.Text;
using System.Text.Json;
using Gangway.Server.Serving;

namespace Gangway.Server.Tests.Serving;

/// <summary>
/// Which model answered, in every answer, header, log line and metric: the registered version (<c>titanic:2</c>) next
/// to the bundle hash when the model comes from a real SQLite registry, and only the hash for a bundle file.
/// </summary>
public sealed class ModelHeaderTests(TwoModels models) : IClassFixture<TwoModels>
{
    // One passenger as a single record object: the fast path of /predict.
    private const string OneRecord = """
        {"PassengerId": 892, "Pclass": 3, "Name": "Kelly, Mr. James", "Sex": "male", "Age": 34.5, "SibSp": 0, "Parch": 0, "Ticket": "330911", "Fare": 7.8292, "Cabin": null, "Embarked": "Q"}
        """;

    [Fact]
    public async Task Answers_RegistryServedModel_NameTheRegisteredVersionNextToTheHash()
    {
        var store = models.NewStore();
        await TwoModels.RegisterAsync(store, models.Titanic);
        var second = await TwoModels.RegisterAsync(store, models.Baseline, "baseline.yaml");
        await TwoModels.SetAliasAsync(store, second);
        var logs = new CapturedLogs();
        using var factory = logs.Attach(TwoModels.Serve("titanic@champion", store, ModelLogs));
        using var client = factory.CreateClient();
        var header = $"titanic:2; bundle={models.BaselineVersion}";

        foreach (var body in new[] { OneRecord, TwoModels.Records })
        {
            using var predicted = await Post(client, "/predict", body);
            var answer = await Answer(predicted, HttpStatusCode.OK, header);
            Assert.Equal("titanic:2", answer.GetProperty("model").GetProperty("registered").GetString());
            Assert.Equal(models.BaselineVersion, answer.GetProperty("model").GetProperty("version").GetString());
        }

        using var upsell = await Post(client, "/upsell", TwoModels.Records);
        Assert.Equal("titanic:2", (await Answer(upsell, HttpStatusCode.OK, header)).GetProperty("model").GetProperty("registered").GetString());
        using var invalid = await Post(client, "/predict", """[{"Pclass": 7}]""");
        await Answer(invalid, HttpStatusCode.UnprocessableEntity, header);
        using var version = await client.GetAsync(new Uri("/version", UriKind.Relative));
        Assert.Equal("titanic:2", (await Answer(version, HttpStatusCode.OK, header)).GetProperty("model").GetProperty("registered").GetString());
        using var described = await client.GetAsync(new Uri("/models", UriKind.Relative));
        var model = (await Answer(described, HttpStatusCode.OK, header))[0];
        Assert.Equal("titanic:2", model.GetProperty("registered").GetString());
        Assert.Equal("titanic:2", model.GetProperty("source").GetProperty("registered").GetString());
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal("titanic:2", (await Answer(home, HttpStatusCode.OK, header)).GetProperty("model").GetProperty("registered").GetString());
        using var reload = await TwoModels.Admin(client, "/admin/reload");
        Assert.Equal("titanic:2", (await Answer(reload, HttpStatusCode.OK, header)).GetProperty("served").GetProperty("registered").GetString());

        var document = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Contains($"serving model 'titanic-baseline' version titanic:2 (bundle {models.BaselineVersion})", document, StringComparison.Ordinal);
        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(4, PrometheusText.Value(metrics, "gangway_predictions_total", ("registered", "titanic:2"), ("version", models.BaselineVersion), ("endpoint", "/predict")));
        Assert.Equal(7, PrometheusText.Value(metrics, "gangway_prediction_probability_count", ("registered", "titanic:2"), ("version", models.BaselineVersion)));
        Assert.Equal(3, PrometheusText.Value(metrics, "gangway_upsell_recommendations_total", ("registered", "titanic:2")));
        Assert.Contains(logs.Lines(), line => line.Contains($"version {models.BaselineVersion} (registered titanic:2) from titanic@champion", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Answers_BundleFile_SayThereIsNoRegisteredVersion()
    {
        var path = models.NewPath(".gwb");
        File.WriteAllBytes(path, models.Titanic);
        var logs = new CapturedLogs();
        using var factory = logs.Attach(TwoModels.Serve(path, ModelLogs));
        using var client = factory.CreateClient();
        var header = $"titanic; bundle={models.TitanicVersion}";

        using var predicted = await Post(client, "/predict", OneRecord);
        var answer = await Answer(predicted, HttpStatusCode.OK, header);
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("model").GetProperty("registered").ValueKind);
        using var described = await client.GetAsync(new Uri("/models", UriKind.Relative));
        Assert.Equal(JsonValueKind.Null, (await Answer(described, HttpStatusCode.OK, header))[0].GetProperty("registered").ValueKind);

        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(1, PrometheusText.Value(metrics, "gangway_predictions_total", ("registered", Served.NotRegistered), ("version", models.TitanicVersion)));
        Assert.Contains(logs.Lines(), line => line.Contains($"version {models.TitanicVersion} (registered none) from {path}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Header_NotAboutTheModel_IsNotSent()
    {
        var path = models.NewPath(".gwb");
        File.WriteAllBytes(path, models.Titanic);
        using var factory = TwoModels.Serve(path);
        using var client = factory.CreateClient();

        using var ping = await client.GetAsync(new Uri("/ping", UriKind.Relative));

        Assert.False(ping.Headers.Contains(ModelHeader.Name));
    }

    private static readonly Dictionary<string, string?> ModelLogs = new() { ["Logging:LogLevel:Gangway.Server.Serving.LoadedModel"] = "Information" };

    private static Task<HttpResponseMessage> Post(HttpClient client, string path, string json) =>
        client.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<JsonElement> Answer(HttpResponseMessage response, HttpStatusCode status, string header)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal(header, Assert.Single(response.Headers.GetValues(ModelHeader.Name)));
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
