using System.Net;
using System.Text;
using System.Text.Json;
using Gangway.Server.Tests.Endpoints;
using Microsoft.Extensions.Options;

namespace Gangway.Server.Tests.Hosting;

public sealed class RequestLoggingTests(TitanicService service) : IClassFixture<TitanicService>
{
    [Fact]
    public async Task Request_WithASafeRequestId_EchoesItAndLogsOneEventWithRouteStatusAndLatency()
    {
        var logs = new CapturedLogs();
        using var factory = logs.Attach(service.CreateFactory());
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/ping", UriKind.Relative));
        request.Headers.Add("X-Request-Id", "order-42.a_b");

        using var response = await client.SendAsync(request);

        Assert.Equal("order-42.a_b", Assert.Single(response.Headers.GetValues("X-Request-Id")));
        var logged = Assert.Single(logs.Events, e => e.EventName == "Request");
        Assert.Contains("RequestId=order-42.a_b", logged.Text, StringComparison.Ordinal);
        Assert.Contains("Route=/ping", logged.Text, StringComparison.Ordinal);
        Assert.Contains("Method=GET", logged.Text, StringComparison.Ordinal);
        Assert.Contains("Status=200", logged.Text, StringComparison.Ordinal);
        Assert.Contains("ElapsedMs=", logged.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("a/b")]
    [InlineData("x")]
    public async Task Request_WithAnUnsafeOrLongRequestId_GetsAnIdOfItsOwn(string id)
    {
        id = id == "x" ? new string('x', 65) : id;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/ping", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("X-Request-Id", id);

        using var response = await service.Client.SendAsync(request);

        var echoed = Assert.Single(response.Headers.GetValues("X-Request-Id"));
        Assert.NotEqual(id, echoed);
        Assert.False(string.IsNullOrWhiteSpace(echoed));
    }

    [Fact]
    public async Task Request_EndingInAProblem_StillEchoesTheRequestId()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/predict", UriKind.Relative))
        {
            Content = new StringContent("[{", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Request-Id", "broken-1");

        using var response = await service.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("broken-1", Assert.Single(response.Headers.GetValues("X-Request-Id")));
    }

    [Fact]
    public async Task LogFormatJson_RequestLog_IsOneParseableJsonLineWithRequestIdStatusAndLatency()
    {
        var logs = new CapturedLogs();
        using var factory = logs.Attach(service.CreateFactory(new Dictionary<string, string?> { ["Gangway:LogFormat"] = "json" }));
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/version", UriKind.Relative));
        request.Headers.Add("X-Request-Id", "json-7");

        using var response = await client.SendAsync(request);

        var line = Assert.Single(logs.FormatRequests(factory.Services)).TrimEnd('\n', '\r');
        Assert.DoesNotContain('\n', line);
        var state = JsonDocument.Parse(line).RootElement.GetProperty("State");
        Assert.Equal("json-7", state.GetProperty("RequestId").GetString());
        Assert.Equal("/version", state.GetProperty("Route").GetString());
        Assert.Equal(200, state.GetProperty("Status").GetInt32());
        Assert.True(state.GetProperty("ElapsedMs").GetDouble() >= 0);
    }

    [Fact]
    public async Task LogFormatText_Default_WritesReadableLines()
    {
        var logs = new CapturedLogs();
        using var factory = logs.Attach(service.CreateFactory());
        using var client = factory.CreateClient();

        await client.GetStringAsync(new Uri("/ping", UriKind.Relative));

        var line = Assert.Single(logs.FormatRequests(factory.Services));
        Assert.Contains("GET /ping answered 200 in ", line, StringComparison.Ordinal);
        Assert.False(line.TrimStart().StartsWith('{'), line);
    }

    [Fact]
    public async Task Start_UnknownLogFormat_FailsFastNamingTheSetting()
    {
        var settings = new Dictionary<string, string?> { ["Gangway:Model"] = service.BundlePath, ["Gangway:LogFormat"] = "xml" };

        var error = await FailedStart.Of<OptionsValidationException>(settings);

        Assert.Contains("Gangway:LogFormat must be 'text' or 'json'; it is 'xml'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_PersonalDataInRejectedRequests_NeverAppear()
    {
        const string Marker = "Zqx7Marker";
        var logs = new CapturedLogs();
        using var factory = logs.Attach(service.CreateFactory());
        using var client = factory.CreateClient();
        var records = PredictApiTests.Records(service.PredictRows(2));
        records[0]!["Name"] = $"{Marker}, Mr. One";
        records[0]!["Pclass"] = 7;
        records[1]!["Name"] = new string('y', 300) + Marker;
        var bodies = new[]
        {
            records.ToJsonString(),
            $$"""[{"Name": "{{Marker}}", "Age": }]""",
            $$"""{"Name": "{{Marker}}", "Pclass": "first"}""",
        };

        foreach (var body in bodies)
        {
            using var response = await client.PostAsync(new Uri("/predict", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.True(response.StatusCode is HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest, response.StatusCode.ToString());
        }

        Assert.Equal(bodies.Length, logs.Events.Count(e => e.EventName == "Request"));
        Assert.All(logs.Lines(), line => Assert.DoesNotContain(Marker, line, StringComparison.OrdinalIgnoreCase));
    }
}
