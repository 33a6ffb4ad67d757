using System.Text;
using System.Text.Json;
using Gangway.Bundles;
using Gangway.Data;
using Gangway.Learners;
using Gangway.Server.Hosting;
using Gangway.Server.Tests.Predict;
using Gangway.Training;
using Gangway.Upsell;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Gangway.Server.Tests.Upsell;

/// <summary>The Titanic model with <c>upsell.monotone: true</c>, served: /predict (one record at a time) and /upsell agree, and no tier falls.</summary>
public sealed class MonotoneUpsellApiTests(MonotoneUpsellApiTests.MonotoneTitanic service) : IClassFixture<MonotoneUpsellApiTests.MonotoneTitanic>
{
    private const int Rows = 40;

    [Fact]
    public async Task PredictAndUpsell_MonotoneModel_GiveTheProjectedProbabilityAndNeverFall()
    {
        var table = service.PredictRows(Rows);
        var expected = service.Bundle.Model.Transform(table).GetNumeric(PredictionColumns.Probability);

        using var upsell = await service.Client.PostAsync(new Uri("/upsell", UriKind.Relative), PredictApiTests.Body("records", table));
        Assert.True(upsell.IsSuccessStatusCode, await upsell.Content.ReadAsStringAsync());
        var results = JsonDocument.Parse(await upsell.Content.ReadAsStringAsync()).RootElement.GetProperty("results").EnumerateArray().ToArray();

        var changed = 0;
        for (var row = 0; row < Rows; row++)
        {
            var record = PredictApiTests.Records(table.Take([row]))[0]!.ToJsonString();
            using var predict = await service.Client.PostAsync(new Uri("/predict", UriKind.Relative), new StringContent(record, Encoding.UTF8, "application/json"));
            Assert.True(predict.IsSuccessStatusCode, await predict.Content.ReadAsStringAsync());
            var probability = JsonDocument.Parse(await predict.Content.ReadAsStringAsync()).RootElement.GetProperty("predictions")[0].GetProperty("probability").GetDouble();
            var tiers = results[row].GetProperty("probabilities").EnumerateObject().Select(p => p.Value.GetDouble()).ToArray();

            Assert.Equal(expected[row], probability);
            Assert.Equal(expected[row], tiers[0]);
            Assert.True(TierProbabilitiesRise(tiers), $"row {row}: {string.Join(", ", tiers)}");
            changed += expected[row] != service.Unconstrained[row] ? 1 : 0;
        }

        // Some of these passengers' probabilities were moved by the projection, so the test sees it at work.
        Assert.InRange(changed, 1, Rows - 1);
    }

    private static bool TierProbabilitiesRise(double[] tiers) => tiers.Zip(tiers.Skip(1)).All(pair => pair.Second >= pair.First);

    public sealed class MonotoneTitanic : IDisposable
    {
        private readonly string _directory = Directory.CreateTempSubdirectory("gangway-monotone-").FullName;

        public MonotoneTitanic()
        {
            File.Copy(TitanicService.TestFile("titanic.schema.yaml"), Path.Combine(_directory, "titanic.schema.yaml"));
            // The trees also see age, fare and port (the widest candidate of grid.yaml), so that many passengers'
            // unconstrained probabilities fall moving up and the projection has work to do.
            var spec = File.ReadAllText(TitanicService.TestFile("titanic.yaml"))
                .Replace("columns: [Name, Age, Fare, Embarked_C, Embarked_Q, Embarked_S]", "columns: [Name]", StringComparison.Ordinal);
            Assert.Contains("monotone: true", spec, StringComparison.Ordinal);
            Assert.Contains("columns: [Name]\n", spec, StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(_directory, "titanic.yaml"), spec);
            Bundle = new ModelTrainer().Train(Path.Combine(_directory, "titanic.yaml"), TitanicService.TestFile("train.csv"));
            Assert.IsType<MonotoneTierTransformer>(Bundle.Model);
            var path = Path.Combine(_directory, "titanic.gwb");
            BundleWriter.Write(Bundle, path);
            Unconstrained = ((MonotoneTierTransformer)Bundle.Model).Inner.Transform(PredictRows(Rows)).GetNumeric(PredictionColumns.Probability).Values.ToArray();
            Factory = new WebApplicationFactory<ServerOptions>().WithWebHostBuilder(builder =>
            {
                builder.UseEnvironment("Production");
                builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Gangway:Model"] = path, ["Gangway:PredictionLog"] = "none" }));
            });
            Client = Factory.CreateClient();
        }

        public ModelBundle Bundle { get; }

        public double[] Unconstrained { get; }

        public WebApplicationFactory<ServerOptions> Factory { get; }

        public HttpClient Client { get; }

        public Table PredictRows(int rows)
        {
            var types = Bundle.Schema.Columns.ToDictionary(c => c.Name, c => c.Type);
            return CsvReader.ReadFile(TitanicService.TestFile("predict.csv"), new CsvReadOptions { ColumnTypes = types }).Take([.. Enumerable.Range(0, rows)]);
        }

        public void Dispose()
        {
            Client.Dispose();
            Factory.Dispose();
            Directory.Delete(_directory, recursive: true);
        }
    }
}
