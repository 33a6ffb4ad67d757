using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Gangway.Server.Tests.Predict;

/// <summary>Every answered record has a prediction id of its own, time-ordered, so outcomes can be joined to it later.</summary>
public sealed class PredictionIdTests(TitanicService service) : IClassFixture<TitanicService>
{
    [Theory]
    [InlineData("/predict", "predictions", 1)]
    [InlineData("/predict", "predictions", 50)]
    [InlineData("/upsell", "results", 20)]
    public async Task Answer_EveryRecord_HasItsOwnVersion7Id(string path, string list, int records)
    {
        var body = PredictApiTests.Records(service.PredictRows(records)).ToJsonString();

        var ids = new List<string>();
        for (var round = 0; round < 2; round++)
        {
            using var response = await service.Client.PostAsync(new Uri(path, UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
            var answer = await response.Content.ReadFromJsonAsync<JsonObject>();
            ids.AddRange(answer![list]!.AsArray().Select(r => r!["prediction_id"]!.GetValue<string>()));
        }

        // The service's clock is fixed in these tests: every id carries its millisecond.
        var now = DateTimeOffset.FromUnixTimeMilliseconds(TitanicService.StartedAt.ToUnixTimeMilliseconds());
        Assert.Equal(2 * records, ids.Distinct().Count());
        Assert.All(ids, id =>
        {
            var guid = Guid.ParseExact(id, "N");
            Assert.Equal(7, guid.Version);
            var stamped = DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(id[..12], 16));
            Assert.Equal(now, stamped);
        });
    }
}
