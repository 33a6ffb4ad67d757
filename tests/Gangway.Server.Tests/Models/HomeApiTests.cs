using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Gangway.Server.Tests.Models;

public sealed class HomeApiTests(TitanicService service) : IClassFixture<TitanicService>
{
    [Fact]
    public async Task Home_Json_NamesTheModelAndLinksPagesThatAnswer()
    {
        using var response = await service.Client.GetAsync(new Uri("/", UriKind.Relative));

        var home = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Gangway", home.GetProperty("service").GetString());
        Assert.Equal("titanic", home.GetProperty("model").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, home.GetProperty("model").GetProperty("registered").ValueKind);
        var links = home.GetProperty("links");
        foreach (var page in new[] { "api", "openApi", "health", "models", "metrics" })
        {
            using var linked = await service.Client.GetAsync(new Uri(links.GetProperty(page).GetString()!, UriKind.Relative));
            Assert.True(linked.StatusCode == HttpStatusCode.OK, $"{page}: {links.GetProperty(page)} answered {(int)linked.StatusCode}");
        }
    }

    [Fact]
    public async Task Home_Browser_GetsAPageWithTheLinks()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        using var response = await service.Client.SendAsync(request);

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        foreach (var link in new[] { "/scalar", "/openapi/v1.json", "/health/ready", "/models", "/metrics" })
        {
            Assert.Contains($"href=\"{link}\"", page, StringComparison.Ordinal);
        }

        Assert.Contains("<b>titanic</b>, a bundle file (not registered)", page, StringComparison.Ordinal);
    }
}
