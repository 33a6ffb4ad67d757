using Gangway.Hosting;

namespace Gangway.Server.Tests.Architecture;

/// <summary>Gangway.Hosting is shared by the tool and the service, so it must not bring ASP.NET into the tool's wiring.</summary>
public sealed class HostingDependencyTests
{
    [Fact]
    public void HostingAssembly_ReferencesBothStoresAndNoAspNet()
    {
        var references = typeof(HostStores).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();

        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.Contains("Gangway.Store.Sqlite", references);
        Assert.Contains("Gangway.Store.PostgreSql", references);
    }

    [Fact]
    public async Task Catalog_OpensSqliteAndKnowsPostgreSql()
    {
        var folder = Path.Combine(Path.GetTempPath(), "gangway-hosting-tests-" + Guid.NewGuid().ToString("N"));
        try
        {
            var catalog = HostStores.Catalog();
            await using (var store = await catalog.OpenAsync("sqlite:" + Path.Combine(folder, "g.db"), CancellationToken.None))
            {
                Assert.Empty(await store.Registry.ListModelsAsync(CancellationToken.None));
            }

            var error = await Assert.ThrowsAsync<GangwayException>(() => catalog.OpenAsync("mysql://db/gangway", CancellationToken.None));
            Assert.Contains("postgresql://", error.Message, StringComparison.Ordinal);
            Assert.Contains("sqlite:", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
