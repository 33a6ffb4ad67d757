using System.Net;
using System.Text.Json;

namespace Gangway.Server.Tests.Health;

public sealed class HealthApiTests(TitanicService service) : IClassFixture<TitanicService>
{
    [Fact]
    public async Task Ping_Always_AnswersPong()
    {
        Assert.Equal("pong", await service.Client.GetStringAsync(new Uri("/ping", UriKind.Relative)));
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_ModelLoadedAndSelfChecked_IsHealthy(string path)
    {
        using var response = await service.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Version_Always_NamesGangwayAndTheModel()
    {
        var version = JsonDocument.Parse(await service.Client.GetStringAsync(new Uri("/version", UriKind.Relative))).RootElement;

        Assert.Equal(Bundles.GangwayVersion.Current, version.GetProperty("gangway").GetString());
        Assert.Equal(service.Bundle.Name, version.GetProperty("model").GetProperty("name").GetString());
        Assert.Equal(Bundles.Hashing.Sha256File(service.BundlePath)[..12], version.GetProperty("model").GetProperty("version").GetString());
    }
}
