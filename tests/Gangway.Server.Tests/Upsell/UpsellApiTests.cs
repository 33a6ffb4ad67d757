using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Gangway.Bundles;
using Gangway.Server.Tests.Predict;
using Gangway.Training;
using Gangway.Upsell;

namespace Gangway.Server.Tests.Upsell;

public sealed class UpsellApiTests(TitanicService service) : IClassFixture<TitanicService>
{
    private const int Rows = 25;

    public static TheoryData<string> Formats => ["records", "columns", "split", "csv"];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Upsell_EachBodyFormat_MatchesEvaluateOnTheSameRows(string format)
    {
        var table = service.PredictRows(Rows);
        var expected = new UpsellCalculator(service.Bundle).Evaluate(table);

        using var response = await service.Client.PostAsync(new Uri("/upsell", UriKind.Relative), PredictApiTests.Body(format, table));

        var answer = await OkAsync(response);
        Assert.Equal(service.Bundle.Name, answer.GetProperty("model").GetProperty("name").GetString());
        Assert.Equal(12, answer.GetProperty("model").GetProperty("version").GetString()!.Length);
        var results = answer.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(Rows, results.Length);
        var ids = table.GetNumeric("PassengerId");
        for (var row = 0; row < Rows; row++)
        {
            var result = results[row];
            Assert.Equal(ids[row], result.GetProperty("PassengerId").GetDouble());
            Assert.Equal(expected[row].CurrentTier, result.GetProperty("current_class").GetString());
            var probabilities = result.GetProperty("probabilities").EnumerateObject().ToArray();
            Assert.Equal(expected[row].Tiers.Select(t => t.Tier), probabilities.Select(p => p.Name));
            Assert.Equal(expected[row].Tiers.Select(t => t.Probability), probabilities.Select(p => p.Value.GetDouble()));
            AssertOffer(expected[row].Recommendation, result.GetProperty("recommendation"));
            AssertOffer(expected[row].BestUpgrade, result.GetProperty("best_upgrade"));
            Assert.Equal(expected[row].Threshold, result.GetProperty("threshold").GetDouble());
        }
    }

    [Fact]
    public async Task Upsell_FirstClassRecord_HasNoRecommendationAndOnlyItsOwnClass()
    {
        var table = service.PredictRows(Rows);
        var first = Enumerable.Range(0, Rows).First(row => table.GetNumeric("Pclass")[row] == 1);

        using var response = await Post(PredictApiTests.Records(table.Take([first])).ToJsonString());

        var result = (await OkAsync(response)).GetProperty("results")[0];
        Assert.Equal("1", result.GetProperty("current_class").GetString());
        Assert.Equal(["1"], result.GetProperty("probabilities").EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, result.GetProperty("recommendation").ValueKind);
        Assert.Equal(JsonValueKind.Null, result.GetProperty("best_upgrade").ValueKind);
    }

    [Fact]
    public async Task Upsell_PassengerWithoutId_IsAnsweredWithoutAnIdField()
    {
        var table = service.PredictRows(2);
        var expected = new UpsellCalculator(service.Bundle).Evaluate(table);
        var records = PredictApiTests.Records(table);
        records[0]!.AsObject().Remove("PassengerId");

        using var response = await Post(records.ToJsonString());

        var results = (await OkAsync(response)).GetProperty("results");
        Assert.False(results[0].TryGetProperty("PassengerId", out _), results[0].ToString());
        Assert.Equal(expected[0].CurrentTier, results[0].GetProperty("current_class").GetString());
        Assert.Equal(expected[0].BestUpgrade?.Gain, results[0].GetProperty("best_upgrade").ValueKind == JsonValueKind.Null ? null : results[0].GetProperty("best_upgrade").GetProperty("gain").GetDouble());
        Assert.Equal(table.GetNumeric("PassengerId")[1], results[1].GetProperty("PassengerId").GetDouble());
    }

    [Fact]
    public async Task Upsell_ThresholdParameter_ChangesTheDecision()
    {
        var table = service.PredictRows(Rows);
        var results = new UpsellCalculator(service.Bundle).Evaluate(table, threshold: 0);
        var row = results.First(r => r.BestUpgrade is { Gain: > 0 }).Row;
        var gain = results[row].BestUpgrade!.Gain;
        var body = PredictApiTests.Records(table.Take([row])).ToJsonString();
        var above = Math.Min(1, gain + 0.001).ToString("R", CultureInfo.InvariantCulture);

        using var low = await Post(body, "?threshold=0");
        using var high = await Post(body, "?threshold=" + above);

        var recommended = (await OkAsync(low)).GetProperty("results")[0];
        Assert.Equal(results[row].BestUpgrade!.Tier, recommended.GetProperty("recommendation").GetProperty("class").GetString());
        Assert.Equal(gain, recommended.GetProperty("recommendation").GetProperty("gain").GetDouble());
        Assert.Equal(0, recommended.GetProperty("threshold").GetDouble());
        var declined = (await OkAsync(high)).GetProperty("results")[0];
        Assert.Equal(JsonValueKind.Null, declined.GetProperty("recommendation").ValueKind);
        Assert.Equal(gain, declined.GetProperty("best_upgrade").GetProperty("gain").GetDouble());
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    [InlineData("abc")]
    [InlineData("NaN")]
    public async Task Upsell_ThresholdOutsideZeroToOne_Is400(string threshold)
    {
        using var response = await Post(PredictApiTests.Records(service.PredictRows(1)).ToJsonString(), "?threshold=" + Uri.EscapeDataString(threshold));

        var problem = await ProblemAssertions.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("threshold", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upsell_UnknownTier_Is422NamingRecordFieldRuleAndValue()
    {
        var records = PredictApiTests.Records(service.PredictRows(3));
        records[2]!["Pclass"] = 7;

        using var response = await Post(records.ToJsonString());

        var problem = await ProblemAssertions.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        var error = Assert.Single(ProblemAssertions.Errors(problem));
        Assert.Equal(2, error.GetProperty("record").GetInt32());
        Assert.Equal("Pclass", error.GetProperty("field").GetString());
        Assert.Equal("values", error.GetProperty("rule").GetString());
        Assert.Equal("7", error.GetProperty("value").GetString());
    }

    [Fact]
    public async Task Upsell_EmptyArray_AnswersAnEmptyList()
    {
        using var response = await Post("[]");

        Assert.Equal(0, (await OkAsync(response)).GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task Upsell_ModelWithoutUpsellSection_Is404SayingSo()
    {
        var body = PredictApiTests.Records(service.PredictRows(1)).ToJsonString();

        var (upsell, predict) = await PostToBaselineAsync(spec => spec[..spec.IndexOf("# The baseline does not read the fare", StringComparison.Ordinal)], body);

        var problem = await ProblemAssertions.ProblemAsync(upsell, HttpStatusCode.NotFound);
        Assert.Contains("no upsell section", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, predict.StatusCode);
    }

    [Fact]
    public async Task Upsell_TierOutsideTheOrderWithoutAContract_Is422WithRuleUpsellTier()
    {
        var records = PredictApiTests.Records(service.PredictRows(2));
        records[1]!["Pclass"] = 4;

        var (upsell, _) = await PostToBaselineAsync(spec => spec.Replace("schema: titanic.schema.yaml\n", "", StringComparison.Ordinal), records.ToJsonString());

        var problem = await ProblemAssertions.ProblemAsync(upsell, HttpStatusCode.UnprocessableEntity);
        var error = Assert.Single(ProblemAssertions.Errors(problem));
        Assert.Equal(1, error.GetProperty("record").GetInt32());
        Assert.Equal("Pclass", error.GetProperty("field").GetString());
        Assert.Equal("upsell_tier", error.GetProperty("rule").GetString());
        Assert.Equal("4", error.GetProperty("value").GetString());
        Assert.Contains("record 1", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    // Trains baseline.yaml as changed by editSpec, serves it and posts the body to /upsell and /predict.
    private async Task<(HttpResponseMessage Upsell, HttpResponseMessage Predict)> PostToBaselineAsync(Func<string, string> editSpec, string body)
    {
        var directory = Path.Combine(Path.GetTempPath(), "gangway-upsell-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var path = Path.Combine(directory, "baseline.yaml");
            File.WriteAllText(path, editSpec(File.ReadAllText(TitanicService.TestFile("baseline.yaml"))));
            File.Copy(TitanicService.TestFile("titanic.schema.yaml"), Path.Combine(directory, "titanic.schema.yaml"));
            var bundlePath = Path.Combine(directory, "baseline.gwb");
            BundleWriter.Write(new ModelTrainer().Train(path, TitanicService.TestFile("train.csv")), bundlePath);
            using var factory = service.CreateFactory(new Dictionary<string, string?> { ["Gangway:Model"] = bundlePath });
            using var client = factory.CreateClient();
            var upsell = await client.PostAsync(new Uri("/upsell", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
            var predict = await client.PostAsync(new Uri("/predict", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
            await upsell.Content.LoadIntoBufferAsync();
            await predict.Content.LoadIntoBufferAsync();
            return (upsell, predict);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void AssertOffer(TierProbability? expected, JsonElement actual)
    {
        if (expected is null)
        {
            Assert.Equal(JsonValueKind.Null, actual.ValueKind);
            return;
        }

        Assert.Equal(expected.Tier, actual.GetProperty("class").GetString());
        Assert.Equal(expected.Probability, actual.GetProperty("probability").GetDouble());
        Assert.Equal(expected.Gain, actual.GetProperty("gain").GetDouble());
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private Task<HttpResponseMessage> Post(string body, string query = "") =>
        service.Client.PostAsync(new Uri("/upsell" + query, UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
}
