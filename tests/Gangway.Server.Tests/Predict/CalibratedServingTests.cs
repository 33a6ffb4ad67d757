using System.Net;
using System.Text.Json;
using Gangway.Bundles;
using Gangway.Learners;
using Gangway.Training;
using Gangway.Upsell;

namespace Gangway.Server.Tests.Predict;

/// <summary>A model trained with <c>calibration:</c> answers /predict (one record and batches) and /upsell with calibrated probabilities.</summary>
public sealed class CalibratedServingTests(TitanicService service) : IClassFixture<TitanicService>, IDisposable
{
    private const int Rows = 12;
    private readonly string _directory = Directory.CreateTempSubdirectory("gangway-calibrated-serving-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("platt")]
    [InlineData("isotonic")]
    public async Task PredictAndUpsell_CalibratedModel_AnswerItsCalibratedProbabilities(string method)
    {
        var (calibrated, path) = Train(method);
        var table = service.PredictRows(Rows);
        var expected = calibrated.Model.Transform(table).GetNumeric(PredictionColumns.Probability);
        var uncalibrated = service.Bundle.Model.Transform(table).GetNumeric(PredictionColumns.Probability);
        var upsell = new UpsellCalculator(calibrated).Evaluate(table);
        using var factory = service.CreateFactory(new Dictionary<string, string?> { ["Gangway:Model"] = path });
        using var client = factory.CreateClient();

        var batch = await PredictionsAsync(client, "/predict", PredictApiTests.Body("records", table));
        var changed = 0;
        for (var row = 0; row < Rows; row++)
        {
            // One record per request takes the server's row fast path.
            var single = await PredictionsAsync(client, "/predict", PredictApiTests.Body("object-per-record", table.Take([row])));
            Assert.Equal(expected[row], single[0].GetProperty("probability").GetDouble());
            Assert.Equal(expected[row], batch[row].GetProperty("probability").GetDouble());
            changed += expected[row] != uncalibrated[row] ? 1 : 0;
        }

        var results = await PredictionsAsync(client, "/upsell", PredictApiTests.Body("records", table), "results");
        for (var row = 0; row < Rows; row++)
        {
            var probabilities = results[row].GetProperty("probabilities").EnumerateObject().Select(p => p.Value.GetDouble()).ToArray();
            Assert.Equal(expected[row], probabilities[0]);
            Assert.Equal(upsell[row].Tiers.Select(t => t.Probability), probabilities);
        }

        Assert.True(changed > Rows / 2, $"calibration changed only {changed} of {Rows} probabilities");
    }

    private (ModelBundle Bundle, string Path) Train(string method)
    {
        var spec = Path.Combine(_directory, $"{method}.yaml");
        File.WriteAllText(spec, File.ReadAllText(TitanicService.TestFile("titanic.yaml")) + $"\ncalibration: {method}\n");
        File.Copy(TitanicService.TestFile("titanic.schema.yaml"), Path.Combine(_directory, "titanic.schema.yaml"), overwrite: true);
        var bundle = new ModelTrainer().Train(spec, TitanicService.TestFile("train.csv"));
        var path = Path.Combine(_directory, $"{method}.gwb");
        BundleWriter.Write(bundle, path);
        return (bundle, path);
    }

    private static async Task<JsonElement[]> PredictionsAsync(HttpClient client, string endpoint, HttpContent body, string key = "predictions")
    {
        using var response = await client.PostAsync(new Uri(endpoint, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return [.. JsonDocument.Parse(text).RootElement.Clone().GetProperty(key).EnumerateArray()];
    }
}
