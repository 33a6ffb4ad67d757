using System.Text.Json;

namespace Gangway.Server.Tests.Models;

public sealed class ModelsApiTests(TitanicService service) : IClassFixture<TitanicService>
{
    [Fact]
    public async Task Models_Loaded_DescribesSchemaMetricsLineageAndLoadTime()
    {
        var models = JsonDocument.Parse(await service.Client.GetStringAsync(new Uri("/models", UriKind.Relative))).RootElement;

        var model = Assert.Single(models.EnumerateArray());
        Assert.Equal("titanic", model.GetProperty("name").GetString());
        Assert.Equal(TitanicService.StartedAt, model.GetProperty("loadedSince").GetDateTimeOffset());
        Assert.Equal(service.Bundle.Manifest.CreatedUtc, model.GetProperty("createdUtc").GetDateTimeOffset());
        Assert.Equal("Survived", model.GetProperty("schema").GetProperty("target").GetString());
        Assert.Contains(model.GetProperty("schema").GetProperty("columns").EnumerateArray(), c => c.GetProperty("name").GetString() == "Pclass");
        Assert.Contains("Pclass", model.GetProperty("contractColumns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(service.Bundle.Lineage.Seed, model.GetProperty("lineage").GetProperty("seed").GetInt32());
        Assert.NotEmpty(model.GetProperty("metrics").EnumerateObject());
    }
}
