using System.Net;
using System.Text;
using System.Text.Json;
using Gangway.Server.Tests.Predict;
using Microsoft.AspNetCore.Builder;

namespace Gangway.Server.Tests;

/// <summary>The real Kestrel server on a loopback port, spoken to over HTTP: what <c>gangway serve</c> runs.</summary>
public sealed class RealServerTests(TitanicService service) : IClassFixture<TitanicService>
{
    [Fact]
    public async Task Serve_OnLoopback_AnswersOverRealHttp()
    {
        await using var app = GangwayServer.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default", "Warning"], service.BundlePath);
        await app.StartAsync();
        var address = new Uri(app.Urls.Single());
        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(0, address.Port);
        using var client = new HttpClient { BaseAddress = address };

        Assert.Equal("pong", await client.GetStringAsync(new Uri("/ping", UriKind.Relative)));
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        var table = service.PredictRows(3);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/predict", UriKind.Relative))
        {
            Content = new StringContent(PredictApiTests.Records(table).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Request-Id", "real-http-1");
        using var predicted = await client.SendAsync(request);
        var answer = JsonDocument.Parse(await predicted.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, predicted.StatusCode);
        Assert.Equal("real-http-1", predicted.Headers.GetValues("X-Request-Id").Single());
        var expected = service.Bundle.Model.Transform(table).GetNumeric(Learners.PredictionColumns.Probability);
        Assert.Equal(expected.Values.ToArray(), answer.GetProperty("predictions").EnumerateArray().Select(p => p.GetProperty("probability").GetDouble()).ToArray());

        using var broken = await client.PostAsync(new Uri("/predict", UriKind.Relative), new StringContent("[{\"Age\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal("application/problem+json", broken.Content.Headers.ContentType?.MediaType);

        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(1, PrometheusText.Value(metrics, "http_requests_received_total", ("endpoint", "/predict"), ("code", "200")));
        Assert.Equal(3, PrometheusText.Value(metrics, "gangway_predictions_total", ("endpoint", "/predict")));

        await app.StopAsync();
    }
}
