using Gangway.Deployment;
using Gangway.Server.Tests.Deployment;

namespace Gangway.Server.Tests.Monitoring;

/// <summary>Quality counted per served variant of a deployment, on real Kestrel over a real SQLite store.</summary>
public sealed class QualityMonitorTests(WarnedTitanic titanic) : IClassFixture<WarnedTitanic>
{
    [Fact]
    public async Task Observe_TwoVariants_CountsEachUnderItsOwnContract()
    {
        // The champion only warns about Age out of range and an unknown port; the challenger's contract rejects the first.
        var store = titanic.Models.NewStore();
        Assert.Equal(1, await TwoModels.RegisterAsync(store, titanic.Bundle));
        Assert.Equal(2, await TwoModels.RegisterAsync(store, titanic.Models.Titanic));
        await TwoModels.SetAliasAsync(store, 1, "champion");
        await TwoModels.SetAliasAsync(store, 2, "challenger");
        var router = new StickyRouter((await DeployedTitanic.ApplyAsync(store, DeployedTitanic.Yaml(50, 50))).Variants);
        var keys = Enumerable.Range(0, 100).Select(k => $"customer-{k}").ToList();
        var (app, client) = await DeployedTitanic.StartAsync(store, "titanic");
        await using var _ = app;
        using var __ = client;

        await WarnedTitanic.PredictAsync(client, $"[{WarnedTitanic.Record(130, "X")}, {WarnedTitanic.Record(null, "S", 893)}]", keys.First(k => router.Route(k) == 0));
        await WarnedTitanic.PredictAsync(client, $"[{WarnedTitanic.Record(null, "S")}]", keys.First(k => router.Route(k) == 1));

        var quality = await WarnedTitanic.WaitForQualityAsync(client, 3);
        Assert.Equal(["challenger", "champion"], quality.GetProperty("variants").EnumerateObject().Select(v => v.Name));
        var championAge = WarnedTitanic.Field(quality, "champion", "Age");
        Assert.Equal((2, 1, 1), (championAge.GetProperty("records").GetInt64(), championAge.GetProperty("missing").GetInt64(), championAge.GetProperty("out_of_range").GetInt64()));
        Assert.Equal(1, WarnedTitanic.Field(quality, "champion", "Embarked").GetProperty("unknown_category").GetInt64());
        var challengerAge = WarnedTitanic.Field(quality, "challenger", "Age");
        Assert.Equal((1, 1, 0), (challengerAge.GetProperty("records").GetInt64(), challengerAge.GetProperty("missing").GetInt64(), challengerAge.GetProperty("out_of_range").GetInt64()));
        Assert.Equal("titanic:2", quality.GetProperty("variants").GetProperty("challenger").GetProperty("registered").GetString());

        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(1, PrometheusText.Value(metrics, "gangway_quality_out_of_range_total", ("variant", "champion"), ("field", "Age")));
        Assert.Equal(0, PrometheusText.Value(metrics, "gangway_quality_out_of_range_total", ("variant", "challenger"), ("field", "Age")));
        Assert.Equal(1, PrometheusText.Value(metrics, "gangway_quality_missing_total", ("variant", "challenger"), ("field", "Age")));
        await app.StopAsync();
    }
}
