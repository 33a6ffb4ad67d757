using System.Diagnostics;

namespace Gangway.Server.Tests.Serving;

public sealed class AliasFollowerTests(TwoModels models) : IClassFixture<TwoModels>
{
    [Fact]
    public async Task Follow_AliasMovedInTheStore_IsServedWithinAFewRefreshes()
    {
        var store = models.NewStore();
        TwoModels.SetAlias(store, TwoModels.Register(store, models.Titanic));
        var second = TwoModels.Register(store, models.Baseline, "baseline.yaml");
        using var factory = TwoModels.Serve("titanic@champion", store, new Dictionary<string, string?> { ["Gangway:RefreshSeconds"] = "1" });
        using var client = factory.CreateClient();
        Assert.Equal(models.TitanicVersion, await TwoModels.PredictedVersion(client));

        TwoModels.SetAlias(store, second);

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
        TwoModels.Register(store, models.Titanic);
        using var factory = TwoModels.Serve("titanic:1", store, new Dictionary<string, string?> { ["Gangway:RefreshSeconds"] = "1" });
        using var client = factory.CreateClient();
        var loaded = (await TwoModels.Described(client)).GetProperty("lastRefresh").GetDateTimeOffset();

        await Task.Delay(TimeSpan.FromSeconds(2.5));

        Assert.Equal(loaded, (await TwoModels.Described(client)).GetProperty("lastRefresh").GetDateTimeOffset());
    }
}
