using Gangway.Server.Hosting;
using Gangway.Server.Metrics;
using Gangway.Server.Serving;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Gangway.Server.Tests.Serving;

/// <summary>Named variants of the served model, each loaded and checked on its own, side by side.</summary>
public sealed class ModelVariantsTests(TwoModels models) : IClassFixture<TwoModels>
{
    private readonly ModelStores _stores = new(Options.Create(new ServerOptions()));
    private readonly ServiceMetrics _metrics = new(NullLogger<ServiceMetrics>.Instance);

    [Fact]
    public async Task Start_TwoVariants_EachServesItsOwnModel()
    {
        using var variants = new ModelVariants([Variant(ModelVariants.DefaultName, models.Titanic), Variant("shadow", models.Baseline)]);
        Assert.False(variants.AllReady);

        await variants.StartAsync(CancellationToken.None);

        Assert.True(variants.AllReady);
        Assert.Equal(models.TitanicVersion, variants.Default.Current.Version);
        Assert.Equal(models.BaselineVersion, variants["shadow"].Current.Version);
        Assert.Equal([ModelVariants.DefaultName, "shadow"], variants.All.Select(v => v.Name));
    }

    [Fact]
    public async Task Start_VariantThatFailsToLoad_StopsTheStart()
    {
        var broken = models.NewPath(".gwb");
        File.WriteAllBytes(broken, [1, 2, 3]);
        using var variants = new ModelVariants([Variant(ModelVariants.DefaultName, models.Titanic), Variant("canary", broken)]);

        await Assert.ThrowsAsync<GangwayException>(() => variants.StartAsync(CancellationToken.None));

        Assert.False(variants.AllReady);
    }

    [Fact]
    public void Construct_DuplicateOrNoDefault_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new ModelVariants([Variant(ModelVariants.DefaultName, models.Titanic), Variant(ModelVariants.DefaultName, models.Baseline)]));
        var ex = Assert.Throws<ArgumentException>(() => new ModelVariants([Variant("shadow", models.Baseline)]));
        Assert.Contains("shadow", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Indexer_UnknownName_ListsTheVariants()
    {
        using var variants = new ModelVariants([Variant(ModelVariants.DefaultName, models.Titanic)]);

        var ex = Assert.Throws<GangwayException>(() => variants["canary"]);

        Assert.Equal(ErrorKind.NotFound, ex.Kind);
        Assert.Equal("No model variant is named 'canary'. Variants: default.", ex.Message);
    }

    [Fact]
    public void Service_ConfiguredModel_IsTheDefaultVariant()
    {
        var path = models.NewPath(".gwb");
        File.WriteAllBytes(path, models.Titanic);
        using var factory = TwoModels.Serve(path);
        using var client = factory.CreateClient();

        var variants = factory.Services.GetRequiredService<ModelVariants>();

        var only = Assert.Single(variants.All);
        Assert.Equal(ModelVariants.DefaultName, only.Name);
        Assert.Same(only, factory.Services.GetRequiredService<LoadedModel>());
        Assert.Equal(models.TitanicVersion, only.Current.Version);
    }

    private LoadedModel Variant(string name, byte[] bundle)
    {
        var path = models.NewPath(".gwb");
        File.WriteAllBytes(path, bundle);
        return Variant(name, path);
    }

    private LoadedModel Variant(string name, string path) =>
        new(name, new ModelSourceResolver(path, _stores), _metrics, TimeProvider.System, NullLogger<LoadedModel>.Instance, GangwayCatalog.BuiltIn);
}
