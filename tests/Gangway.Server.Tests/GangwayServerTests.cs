using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Gangway.Server.Tests;

public sealed class GangwayServerTests(TitanicService service) : IClassFixture<TitanicService>
{
    [Fact]
    public async Task OpenApi_Document_ListsPredictAndTheHealthEndpoints()
    {
        var document = JsonDocument.Parse(await service.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement;

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/predict", paths);
        Assert.Contains("/models", paths);
        Assert.True(document.GetProperty("paths").GetProperty("/predict").TryGetProperty("post", out _));
        Assert.True(document.GetProperty("paths").GetProperty("/feedback").TryGetProperty("post", out _));
        Assert.True(document.GetProperty("paths").GetProperty("/monitoring/online").TryGetProperty("get", out _));
    }

    [Fact]
    public async Task Scalar_Page_ServesItsScriptFromTheServiceNotACdn()
    {
        var page = await service.Client.GetStringAsync(new Uri("/scalar", UriKind.Relative));
        Assert.DoesNotContain("cdn.jsdelivr", page, StringComparison.OrdinalIgnoreCase);
        var script = System.Text.RegularExpressions.Regex.Match(page, "<script[^>]+src=\"([^\"]+)\"").Groups[1].Value;
        Assert.False(script.StartsWith("http", StringComparison.OrdinalIgnoreCase), script);

        using var response = await service.Client.GetAsync(new Uri(new Uri("http://localhost/scalar/"), script));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100_000);
    }

    [Fact]
    public async Task Start_MissingModelFile_FailsFastNamingTheSetting()
    {
        var settings = new Dictionary<string, string?> { ["Gangway:Model"] = "/nowhere/none.gwb", ["Gangway:MaxJsonDepth"] = "1" };

        var error = await FailedStart.Of<OptionsValidationException>(settings);

        Assert.Contains("Gangway:Model: the model bundle '/nowhere/none.gwb' does not exist.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Gangway:MaxJsonDepth must be between 3 and 256; it is 1.", error.Message, StringComparison.Ordinal);
    }
}
