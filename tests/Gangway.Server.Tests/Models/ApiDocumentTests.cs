using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gangway.Bundles;
using Gangway.Server.Models;

namespace Gangway.Server.Tests.Models;

/// <summary>The OpenAPI document of the real service: titled Gangway, with the served model's own records and answers.</summary>
public sealed class ApiDocumentTests(TitanicService service) : IClassFixture<TitanicService>
{
    [Fact]
    public async Task Document_Info_IsTitledGangwayAndNamesTheModel()
    {
        var info = (await Document(service.Client)).GetProperty("info");

        Assert.Equal("Gangway", info.GetProperty("title").GetString());
        Assert.Equal(GangwayVersion.Current, info.GetProperty("version").GetString());
        Assert.Contains($"model 'titanic' from a bundle file (bundle {Hashing.Sha256File(service.BundlePath)[..12]}, not registered)", info.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predict_RequestSchema_IsBuiltFromTheModelsContract()
    {
        var record = Record(await Document(service.Client), "/predict");

        var properties = record.GetProperty("properties");
        Assert.Equal(service.Bundle.Schema.Columns.Select(c => c.Name), properties.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["male", "female"], properties.GetProperty("Sex").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["string"], Types(properties.GetProperty("Sex")));
        Assert.Equal([1, 2, 3], properties.GetProperty("Pclass").GetProperty("enum").EnumerateArray().Select(v => v.GetInt32()));
        Assert.Equal(["S", "C", "Q", null], properties.GetProperty("Embarked").GetProperty("enum").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? null : v.GetString()));
        Assert.Equal(["null", "number"], Types(properties.GetProperty("Age")).Order(StringComparer.Ordinal));
        Assert.Equal(120, properties.GetProperty("Age").GetProperty("maximum").GetDouble());
        Assert.Equal(["integer"], Types(properties.GetProperty("SibSp")));
        Assert.Contains("Personal data", properties.GetProperty("Name").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("Sex", record.GetProperty("required").EnumerateArray().Select(v => v.GetString()));
        Assert.DoesNotContain("Age", record.GetProperty("required").EnumerateArray().Select(v => v.GetString()));
        Assert.DoesNotContain("PassengerId", record.GetProperty("required").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task Predict_Example_IsTheBundlesExampleRowsWithPersonalDataHiddenAndScores()
    {
        var body = (await Document(service.Client)).GetProperty("paths").GetProperty("/predict").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        var example = body.GetProperty("application/json").GetProperty("example");
        var csv = body.GetProperty("text/csv").GetProperty("example").GetString()!;

        var first = example[0];
        var examples = service.Bundle.Examples;
        Assert.Equal(examples.GetNumeric("PassengerId")[0], first.GetProperty("PassengerId").GetDouble());
        Assert.Equal(examples.GetText("Sex")[0], first.GetProperty("Sex").GetString());
        Assert.Equal(ContractSchemas.HiddenValue, first.GetProperty("Name").GetString());
        Assert.DoesNotContain(examples.GetText("Name")[0]!, example.GetRawText(), StringComparison.Ordinal);
        Assert.StartsWith(string.Join(',', service.Bundle.Schema.Columns.Select(c => c.Name)) + "\n", csv, StringComparison.Ordinal);
        using var json = await service.Client.PostAsync(new Uri("/predict", UriKind.Relative), new StringContent(example.GetRawText(), Encoding.UTF8, "application/json"));
        using var text = await service.Client.PostAsync(new Uri("/predict", UriKind.Relative), new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.True(json.StatusCode == HttpStatusCode.OK, await json.Content.ReadAsStringAsync());
        Assert.True(text.StatusCode == HttpStatusCode.OK, await text.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/predict", new[] { "200", "400", "413", "415", "422", "503" })]
    [InlineData("/upsell", new[] { "200", "400", "404", "413", "415", "422", "503" })]
    public async Task Responses_ListEveryStatusAndTheModelsAnswer(string path, string[] statuses)
    {
        var operation = (await Document(service.Client)).GetProperty("paths").GetProperty(path).GetProperty("post");

        var responses = operation.GetProperty("responses");
        Assert.Equal(statuses, responses.EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Contains("text/csv", responses.GetProperty("415").GetProperty("description").GetString(), StringComparison.Ordinal);
        var ok = responses.GetProperty("200");
        Assert.True(ok.GetProperty("headers").TryGetProperty("X-Gangway-Model", out _));
        var answer = ok.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("properties");
        Assert.True(answer.GetProperty("model").GetProperty("properties").TryGetProperty("registered", out _));
        var item = answer.GetProperty(path == "/predict" ? "predictions" : "results").GetProperty("items").GetProperty("properties");
        Assert.True(item.TryGetProperty("PassengerId", out _));
        Assert.True(item.TryGetProperty(path == "/predict" ? "probability" : "current_class", out _));
    }

    [Fact]
    public async Task Document_ModelSwapped_DescribesTheNewModel()
    {
        using var models = new TwoModels();
        var path = models.NewPath(".gwb");
        File.WriteAllBytes(path, models.Titanic);
        using var factory = TwoModels.Serve(path);
        using var client = factory.CreateClient();
        Assert.True(Record(await Document(client), "/predict").GetProperty("properties").TryGetProperty("Age", out _));
        File.WriteAllBytes(path, models.Baseline);

        using var reload = await TwoModels.Admin(client, "/admin/reload");

        Assert.Equal(HttpStatusCode.OK, reload.StatusCode);
        var properties = Record(await Document(client), "/predict").GetProperty("properties");
        Assert.Equal(["PassengerId", "Pclass", "Sex"], properties.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    internal static async Task<JsonElement> Document(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement.Clone();

    // The record schema: the JSON body is an array of records or one record.
    private static JsonElement Record(JsonElement document, string path)
    {
        var schema = document.GetProperty("paths").GetProperty(path).GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var shapes = schema.GetProperty("oneOf").EnumerateArray().ToArray();
        Assert.Equal("array", shapes[0].GetProperty("type").GetString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(shapes[0].GetProperty("items").GetRawText()), JsonNode.Parse(shapes[1].GetRawText())));
        return shapes[1];
    }

    private static IEnumerable<string?> Types(JsonElement schema)
    {
        var type = schema.GetProperty("type");
        return type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString())] : [type.GetString()];
    }
}
