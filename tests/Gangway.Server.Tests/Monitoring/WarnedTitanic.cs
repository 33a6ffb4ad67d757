using System.Globalization;
using System.Text;
using System.Text.Json;
using Gangway.Bundles;
using Gangway.Server.Hosting;
using Gangway.Training;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gangway.Server.Tests.Monitoring;

/// <summary>
/// The Titanic model trained once per test class with a contract that only warns about Age out of [0, 120] and an
/// unknown Embarked port (the example's contract rejects the first and allows no warning of the kind), and the plain one.
/// </summary>
public sealed class WarnedTitanic : IDisposable
{
    public WarnedTitanic()
    {
        Directory.CreateDirectory(Models.Folder);
        var stem = $"titanic-warned-{Guid.NewGuid():N}";
        // Beside the originals, so the spec's relative paths still resolve.
        var schema = TitanicService.TestFile(stem + ".schema.yaml");
        var spec = TitanicService.TestFile(stem + ".yaml");
        File.WriteAllText(schema, File.ReadAllText(TitanicService.TestFile("titanic.schema.yaml"))
            .Replace("    max: 120\n", "    max: 120\n    warn: [min, max, max_missing_rate]\n", StringComparison.Ordinal)
            .Replace("    warn: [max_missing_rate]\n", "", StringComparison.Ordinal)
            .Replace("    values: [S, C, Q]\n", "    values: [S, C, Q]\n    warn: [values]\n", StringComparison.Ordinal));
        File.WriteAllText(spec, File.ReadAllText(TitanicService.TestFile("titanic.yaml")).Replace("schema: titanic.schema.yaml", $"schema: {stem}.schema.yaml", StringComparison.Ordinal));
        try
        {
            var bundle = new ModelTrainer().Train(spec, TitanicService.TestFile("train.csv"));
            Assert.Contains(Gangway.Schema.ValidationRule.Max, bundle.InputContract()!["Age"].Warnings);
            BundlePath = Path.Combine(Models.Folder, "warned.gwb");
            BundleWriter.Write(bundle, BundlePath);
            Bundle = File.ReadAllBytes(BundlePath);
        }
        finally
        {
            File.Delete(spec);
            File.Delete(schema);
        }
    }

    public TwoModels Models { get; } = new();

    public string BundlePath { get; }

    /// <summary>The warned model's bundle file.</summary>
    public byte[] Bundle { get; }

    /// <summary>An in-memory server of the warned model with these settings (no prediction log unless they say).</summary>
    public WebApplicationFactory<ServerOptions> Serve(IDictionary<string, string?>? settings = null) => TwoModels.Serve(BundlePath, settings);

    /// <summary>A record of <see cref="TwoModels.Records"/>' first passenger with Age and Embarked as given (null for a missing value).</summary>
    public static string Record(double? age, string? embarked, int passengerId = 892) => string.Create(
        CultureInfo.InvariantCulture,
        $$"""{"PassengerId": {{passengerId}}, "Pclass": 3, "Name": "Kelly, Mr. James", "Sex": "male", "Age": {{(age is { } a ? a.ToString(CultureInfo.InvariantCulture) : "null")}}, "SibSp": 0, "Parch": 0, "Ticket": "330911", "Fare": 7.8292, "Cabin": null, "Embarked": {{(embarked is null ? "null" : $"\"{embarked}\"")}}}""");

    /// <summary>Posts <paramref name="records"/> (a JSON array) to /predict, asserts a 200, returns the answer's text.</summary>
    public static async Task<string> PredictAsync(HttpClient client, string records, string? customer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/predict", UriKind.Relative)) { Content = new StringContent(records, Encoding.UTF8, "application/json") };
        if (customer is not null)
        {
            request.Headers.Add("X-Customer-Id", customer);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return text;
    }

    /// <summary>GET /monitoring/quality.</summary>
    public static async Task<JsonElement> QualityAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync(new Uri("/monitoring/quality", UriKind.Relative))).RootElement.Clone();

    /// <summary>Waits (up to 30 s) until <c>/monitoring/quality</c> has counted (or skipped) <paramref name="records"/> records over all variants.</summary>
    public static async Task<JsonElement> WaitForQualityAsync(HttpClient client, long records)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var quality = await QualityAsync(client);
            var seen = quality.GetProperty("skipped").GetInt64() + quality.GetProperty("variants").EnumerateObject().Sum(v => v.Value.GetProperty("records").GetInt64());
            if (seen >= records)
            {
                return quality;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Monitoring counted {seen} of {records} records.");
            await Task.Delay(50);
        }
    }

    /// <summary>One field of one variant's counts.</summary>
    public static JsonElement Field(JsonElement quality, string variant, string field) =>
        quality.GetProperty("variants").GetProperty(variant).GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("field").GetString() == field);

    public void Dispose() => Models.Dispose();
}
