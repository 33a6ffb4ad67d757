using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gangway.Server.Logging;
using Gangway.Server.Metrics;
using Gangway.Server.Tests.Predict;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace Gangway.Server.Tests.Logging;

/// <summary>The access log of the real Kestrel server on loopback, its output captured.</summary>
public sealed partial class AccessLogTests(TitanicService service) : IClassFixture<TitanicService>
{
    private static readonly (string Id, string Method, string Route, int Status)[] Expected =
    [
        ("ping-1", "GET", "/ping", 200),
        ("predict-1", "POST", "/predict", 200),
        ("broken-1", "POST", "/predict", 400),
        ("lost-1", "GET", "(unmatched)", 404),
    ];

    [Fact]
    public async Task Requests_TextFormat_WriteExactlyOneReadableLineEach()
    {
        using var output = new CapturedAccessLog();

        var version = await Serve(output, "text");

        var lines = output.Lines;
        Assert.Equal(Expected.Length, lines.Count);
        foreach (var (id, method, route, status) in Expected)
        {
            var match = TextLine().Match(Assert.Single(lines, l => l.Contains($"request_id={id} ", StringComparison.Ordinal)));
            Assert.True(match.Success, string.Join('\n', lines));
            Assert.Equal(method, match.Groups["method"].Value);
            Assert.Equal(route, match.Groups["route"].Value);
            Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), match.Groups["status"].Value);
            Assert.Equal(service.Bundle.Name, match.Groups["model"].Value);
            Assert.Equal(version, match.Groups["version"].Value);
            Assert.Equal("-", match.Groups["registered"].Value); // a bundle file served directly has no registered version
        }
    }

    [Fact]
    public async Task Requests_JsonFormat_WriteExactlyOneJsonObjectEach()
    {
        using var output = new CapturedAccessLog();

        var version = await Serve(output, "json");

        var lines = output.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(Expected.Length, lines.Count);
        foreach (var (id, method, route, status) in Expected)
        {
            var line = Assert.Single(lines, l => l.GetProperty("request_id").GetString() == id);
            Assert.Equal(method, line.GetProperty("method").GetString());
            Assert.Equal(route, line.GetProperty("route").GetString());
            Assert.Equal(status, line.GetProperty("status").GetInt32());
            Assert.True(line.GetProperty("elapsed_ms").GetDouble() >= 0);
            Assert.True(DateTimeOffset.UtcNow - line.GetProperty("timestamp").GetDateTimeOffset() < TimeSpan.FromMinutes(5));
            Assert.Equal("Information", line.GetProperty("level").GetString());
            Assert.Equal(AccessLogFormatter.Category, line.GetProperty("category").GetString());
            Assert.Equal(service.Bundle.Name, line.GetProperty("model").GetString());
            Assert.Equal(version, line.GetProperty("version").GetString());
            Assert.Equal(JsonValueKind.Null, line.GetProperty("registered").ValueKind);
        }
    }

    [Fact]
    public async Task AccessCategoryBelowInformation_WritesNoLines()
    {
        using var output = new CapturedAccessLog();

        await Serve(output, "text", "--Logging:LogLevel:Default", "Warning");

        Assert.Empty(output.Lines);
    }

    [Fact]
    public async Task StalledOutput_NeverHoldsUpARequest_DropsAndCountsTheLines()
    {
        using var output = new CapturedAccessLog(stalled: true);
        var app = GangwayServer.Build(["--urls", "http://127.0.0.1:0", "--Gangway:AccessLogQueueSize", "2"], service.BundlePath, accessLog: output);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromSeconds(30) };
        const int Requests = 20;

        for (var i = 0; i < Requests; i++)
        {
            Assert.Equal("pong", await client.GetStringAsync(new Uri("/ping", UriKind.Relative)));
        }

        var scraped = PrometheusText.Value(await client.GetStringAsync(new Uri("/metrics", UriKind.Relative)), "gangway_access_log_dropped_total");
        output.Release();
        await app.StopAsync();
        using var final = new MemoryStream();
        await app.Services.GetRequiredService<ServiceMetrics>().Registry.CollectAndExportAsTextAsync(final);
        var dropped = PrometheusText.Value(Encoding.UTF8.GetString(final.ToArray()), "gangway_access_log_dropped_total");
        await app.DisposeAsync();

        // At most 2 lines wait in the queue and at most 2 more are stuck with the stalled writer.
        Assert.InRange(scraped, Requests - 4, Requests);
        Assert.Equal(Requests + 1, output.Lines.Count + dropped);
    }

    // Serves the expected requests and stops (writing what is queued); returns the served model's version.
    private async Task<string> Serve(CapturedAccessLog output, string format, params string[] settings)
    {
        var app = GangwayServer.Build(["--urls", "http://127.0.0.1:0", "--Gangway:LogFormat", format, .. settings], service.BundlePath, accessLog: output);
        await using (app)
        {
            await app.StartAsync();
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
            var version = "";
            foreach (var (id, method, route, _) in Expected)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(route == "(unmatched)" ? "/nowhere" : route, UriKind.Relative));
                request.Headers.Add("X-Request-Id", id);
                if (method == "POST")
                {
                    var body = id == "broken-1" ? "[{\"Age\": " : PredictApiTests.Records(service.PredictRows(1)).ToJsonString();
                    request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                if (id == "predict-1")
                {
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    version = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("model").GetProperty("version").GetString()!;
                }
            }

            await app.StopAsync();
            return version;
        }
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z info: (?<method>\S+) (?<route>\S+) (?<status>\d{3}) \d+(\.\d{1,3})? ms request_id=\S+ model=(?<model>\S+) version=(?<version>\S+) registered=(?<registered>\S+)$")]
    private static partial Regex TextLine();
}
