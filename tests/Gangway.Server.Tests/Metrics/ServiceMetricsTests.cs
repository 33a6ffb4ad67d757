using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gangway.Server.Tests.Predict;

namespace Gangway.Server.Tests.Metrics;

public sealed class ServiceMetricsTests(TitanicService service) : IClassFixture<TitanicService>
{
    [Fact]
    public async Task Metrics_AfterRequests_CountsRequestsAndLatencyByEndpointAndStatus()
    {
        // A server of its own: its counters start at zero whatever other tests do.
        using var factory = service.CreateFactory();
        using var client = factory.CreateClient();
        await client.GetStringAsync(new Uri("/ping", UriKind.Relative));
        await client.GetStringAsync(new Uri("/ping", UriKind.Relative));
        var invalid = PredictApiTests.Records(service.PredictRows(1));
        invalid[0]!["Pclass"] = 7;
        using var rejected = await Post(client, invalid);

        var text = await Metrics(client);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, rejected.StatusCode);
        Assert.Equal(2, PrometheusText.Value(text, "http_requests_received_total", ("endpoint", "/ping"), ("method", "GET"), ("code", "200")));
        Assert.Equal(1, PrometheusText.Value(text, "http_requests_received_total", ("endpoint", "/predict"), ("method", "POST"), ("code", "422")));
        Assert.Equal(2, PrometheusText.Value(text, "http_request_duration_seconds_count", ("endpoint", "/ping"), ("code", "200")));
        Assert.Equal(1, PrometheusText.Value(text, "http_request_duration_seconds_bucket", ("endpoint", "/predict"), ("code", "422"), ("le", "+Inf")));
        Assert.Equal(0, PrometheusText.Value(text, "http_requests_received_total", ("endpoint", "/metrics")));
    }

    [Fact]
    public async Task Requests_WithMethodsOfTheClientsInvention_ShareOneOtherLabel()
    {
        using var factory = service.CreateFactory();
        using var client = factory.CreateClient();
        string[] invented = ["BREW", "get", "Zq7METHOD", "PROPFIND", "M-SEARCH"];
        foreach (var method in invented)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri("/ping", UriKind.Relative));
            using var response = await client.SendAsync(request);
        }

        await client.GetStringAsync(new Uri("/ping", UriKind.Relative));

        var text = await Metrics(client);

        Assert.Equal(invented.Length, PrometheusText.Value(text, "http_requests_received_total", ("method", "OTHER")));
        Assert.Equal(1, PrometheusText.Value(text, "http_requests_received_total", ("method", "GET")));
        var methods = PrometheusText.Samples(text, "http_requests_received_total").Select(s => s.Labels["method"]).Distinct().Order();
        Assert.Equal(["GET", "OTHER"], methods);
    }

    [Fact]
    public async Task Predict_ScoredRecords_GrowPredictionsAndTheProbabilityHistogramByModelVersion()
    {
        using var factory = service.CreateFactory();
        using var client = factory.CreateClient();
        var probabilities = new List<double>();
        string? version = null;
        foreach (var rows in new[] { 5, 3 })
        {
            using var response = await Post(client, PredictApiTests.Records(service.PredictRows(rows)));
            var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            version = answer.GetProperty("model").GetProperty("version").GetString();
            probabilities.AddRange(answer.GetProperty("predictions").EnumerateArray().Select(p => p.GetProperty("probability").GetDouble()));
        }

        var text = await Metrics(client);

        var model = ("model", service.Bundle.Name);
        Assert.Equal(8, PrometheusText.Value(text, "gangway_predictions_total", model, ("version", version!)));
        Assert.Equal(8, PrometheusText.Value(text, "gangway_prediction_probability_count", model, ("version", version!)));
        Assert.Equal(probabilities.Sum(), PrometheusText.Value(text, "gangway_prediction_probability_sum", model), 9);
        Assert.Equal(probabilities.Count(p => p <= 0.5), PrometheusText.Value(text, "gangway_prediction_probability_bucket", model, ("le", "0.5")));
        Assert.Equal(0, PrometheusText.Value(text, "gangway_metrics_failures_total"));
    }

    [Fact]
    public async Task Predict_InvalidRecords_GrowValidationFailuresByFieldAndRule()
    {
        using var factory = service.CreateFactory();
        using var client = factory.CreateClient();
        var records = PredictApiTests.Records(service.PredictRows(3));
        records[0]!["Pclass"] = 7;
        records[2]!["Pclass"] = 0;
        records[1]!["Age"] = "old";

        using var response = await Post(client, records);
        var text = await Metrics(client);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(2, PrometheusText.Value(text, "gangway_validation_failures_total", ("field", "Pclass"), ("rule", "values")));
        Assert.Equal(1, PrometheusText.Value(text, "gangway_validation_failures_total", ("field", "Age"), ("rule", "type")));
        Assert.Equal(0, PrometheusText.Value(text, "gangway_predictions_total"));
    }

    [Fact]
    public async Task Upsell_ScoredRecords_CountPredictionsByEndpointAndRecommendationsByTier()
    {
        using var factory = service.CreateFactory();
        using var client = factory.CreateClient();
        var body = PredictApiTests.Records(service.PredictRows(6)).ToJsonString();

        using var response = await client.PostAsync(new Uri("/upsell?threshold=0.05", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        var results = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("results").EnumerateArray().ToArray();
        var text = await Metrics(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var model = ("model", service.Bundle.Name);
        Assert.Equal(6, PrometheusText.Value(text, "gangway_predictions_total", model, ("endpoint", "/upsell")));
        Assert.Equal(0, PrometheusText.Value(text, "gangway_predictions_total", model, ("endpoint", "/predict")));
        Assert.Equal(6, PrometheusText.Value(text, "gangway_prediction_probability_count", model));
        foreach (var tier in results.GroupBy(r => r.GetProperty("recommendation") is { ValueKind: JsonValueKind.Object } offer ? offer.GetProperty("class").GetString()! : "(none)"))
        {
            Assert.Equal(tier.Count(), PrometheusText.Value(text, "gangway_upsell_recommendations_total", model, ("tier", tier.Key)));
        }

        Assert.Equal(6, PrometheusText.Value(text, "gangway_upsell_recommendations_total", model));
    }

    private static async Task<HttpResponseMessage> Post(HttpClient client, JsonArray records) =>
        await client.PostAsync(new Uri("/predict", UriKind.Relative), new StringContent(records.ToJsonString(), Encoding.UTF8, "application/json"));

    private static async Task<string> Metrics(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return await response.Content.ReadAsStringAsync();
    }
}
