using System.Diagnostics;

namespace Gangway.Server.Tests.Serving;

public sealed class AliasFollowerTests(TwoModels models) : IClassFixture<TwoModels>
{
    [Fact]
    public async Task Follow_AliasMovedInTheStore_IsServedWithinAFewRefreshes()
    {
        var store = models.NewStore();
        await TwoModels.SetAliasAsync(store, await TwoModels.RegisterAsync(store, models.Titanic));
        var second = await TwoModels.RegisterAsync(store, models.Baseline, "baseline.yaml");
        using var factory = TwoModels.Serve("titanic@champion", store, new Dictionary<string, string?> { ["Gangway:RefreshSeconds"] = "1" });
        using var client = factory.CreateClient();
        Assert.Equal(models.TitanicVersion, await TwoModels.PredictedVersion(client));

        await TwoModels.SetAliasAsync(store, second);

        var waited = Stopwatch.StartNew();
        while (await TwoModels.PredictedVersion(client) != models.BaselineVersion)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), "The service did not follow the alias within 20 seconds.");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Follow_FixedVersion_IsNotResolvedAgain()
    {
        var store = models.NewStore();
        await TwoModels.RegisterAsync(store, models.Titanic);
        using var factory = TwoModels.Serve("titanic:1", store, new Dictionary<string, string?> { ["Gangway:RefreshSeconds"] = "1" });
        using var client = factory.CreateClient();
        var loaded = (await TwoModels.Described(client)).GetProperty("lastRefresh").GetDateTimeOffset();

        await Task.Delay(TimeSpan.FromSeconds(2.5));

        Assert.Equal(loaded, (await TwoModels.Described(client)).GetProperty("lastRefresh").GetDateTimeOffset());
    }
}
