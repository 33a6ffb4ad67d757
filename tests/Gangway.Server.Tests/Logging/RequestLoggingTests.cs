using System.Net;
using System.Text;
using Gangway.Server.Hosting;
using Gangway.Server.Logging;
using Gangway.Server.Tests.Predict;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gangway.Server.Tests.Logging;

public sealed class RequestLoggingTests(TitanicService service) : IClassFixture<TitanicService>
{
    [Fact]
    public async Task Request_WithASafeRequestId_EchoesItAndWritesItInTheAccessLine()
    {
        using var output = new CapturedAccessLog();
        using var factory = WithAccessLog(service.CreateFactory(), output);
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/ping", UriKind.Relative));
        request.Headers.Add("X-Request-Id", "order-42.a_b");

        using var response = await client.SendAsync(request);

        Assert.Equal("order-42.a_b", Assert.Single(response.Headers.GetValues("X-Request-Id")));
        var line = Assert.Single(await output.WaitForLines(1));
        Assert.Contains(" info: GET /ping 200 ", line, StringComparison.Ordinal);
        Assert.Contains(" request_id=order-42.a_b ", line, StringComparison.Ordinal);
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
        using var output = new CapturedAccessLog();
        using var factory = WithAccessLog(logs.Attach(service.CreateFactory()), output);
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

        Assert.Equal(bodies.Length, (await output.WaitForLines(bodies.Length)).Count);
        Assert.All(logs.Lines().Concat(output.Lines), line => Assert.DoesNotContain(Marker, line, StringComparison.OrdinalIgnoreCase));
    }

    private static WebApplicationFactory<ServerOptions> WithAccessLog(WebApplicationFactory<ServerOptions> factory, CapturedAccessLog output) =>
        factory.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton(new AccessLogOutput(output))));
}
