using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gangway.Server.Tests;

/// <summary>The service loads models through one <see cref="GangwayCatalog"/>: the host's own when it registered one.</summary>
public sealed class GangwayServerCatalogTests
{
    [Fact]
    public void AddServices_NoCatalogRegistered_UsesTheBuiltIns()
    {
        using var provider = Services(null);

        Assert.Same(GangwayCatalog.BuiltIn, provider.GetRequiredService<GangwayCatalog>());
    }

    [Fact]
    public void AddServices_HostRegisteredACatalog_KeepsItForLoadingModels()
    {
        var custom = GangwayCatalog.CreateBuilder().AddTransformer("host_kind", _ => throw new NotSupportedException()).Build();

        using var provider = Services(custom);

        Assert.Same(custom, provider.GetRequiredService<GangwayCatalog>());
    }

    private static ServiceProvider Services(GangwayCatalog? catalog)
    {
        var services = new ServiceCollection();
        if (catalog is not null)
        {
            services.AddSingleton(catalog);
        }

        GangwayServer.AddServices(services, new ConfigurationBuilder().Build());
        return services.BuildServiceProvider();
    }
}
