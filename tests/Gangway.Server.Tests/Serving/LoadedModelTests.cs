using System.Text.Json;
using Gangway.Server.Serving;
using Gangway.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace Gangway.Server.Tests.Serving;

/// <summary>Serving registry references from a real SQLite store, and refreshing them.</summary>
public sealed class LoadedModelTests(TwoModels models) : IClassFixture<TwoModels>
{
    [Fact]
    public async Task Start_AliasReference_ServesTheVersionItNamesAndShowsItsSource()
    {
        var store = models.NewStore();
        TwoModels.Register(store, models.Titanic);
        var second = TwoModels.Register(store, models.Baseline, "baseline.yaml");
        TwoModels.SetAlias(store, second);
        using var factory = TwoModels.Serve("titanic@champion", store);
        using var client = factory.CreateClient();

        var described = await TwoModels.Described(client);

        Assert.Equal(models.BaselineVersion, await TwoModels.PredictedVersion(client));
        var source = described.GetProperty("source");
        Assert.Equal("titanic@champion", source.GetProperty("reference").GetString());
        Assert.Equal(2, source.GetProperty("version").GetInt32());
        using var opened = TwoModels.Open(store);
        Assert.Equal(opened.FindVersion("titanic", 2)!.RunId, source.GetProperty("runId").GetString());
        Assert.Equal(JsonValueKind.Null, described.GetProperty("lastError").ValueKind);
        Assert.True(described.GetProperty("lastRefresh").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task Start_FixedVersionReference_ServesThatVersion()
    {
        var store = models.NewStore();
        TwoModels.Register(store, models.Titanic);
        TwoModels.Register(store, models.Baseline, "baseline.yaml");
        using var factory = TwoModels.Serve("titanic:1", store);
        using var client = factory.CreateClient();

        Assert.Equal(models.TitanicVersion, await TwoModels.PredictedVersion(client));
        Assert.Equal(1, (await TwoModels.Described(client)).GetProperty("source").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Start_AliasNotSet_FailsNamingTheAlias()
    {
        var store = models.NewStore();
        TwoModels.Register(store, models.Titanic);
        var settings = new Dictionary<string, string?> { ["Gangway:Model"] = "titanic@champion", ["Gangway:Store"] = store, ["Gangway:AdminApiKey"] = TwoModels.AdminKey };

        var error = await FailedStart.Of<GangwayException>(settings);

        Assert.Equal(ErrorKind.NotFound, error.Kind);
        Assert.StartsWith("Model 'titanic' has no alias 'champion' in store 'sqlite:", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("; promote a version to it first.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_AliasMoved_ServesTheNewVersionAndCountsTheSwap()
    {
        var store = models.NewStore();
        TwoModels.SetAlias(store, TwoModels.Register(store, models.Titanic));
        var second = TwoModels.Register(store, models.Baseline, "baseline.yaml");
        using var factory = TwoModels.Serve("titanic@champion", store);
        using var client = factory.CreateClient();
        Assert.Equal(models.TitanicVersion, await TwoModels.PredictedVersion(client));

        TwoModels.SetAlias(store, second);
        var result = await factory.Services.GetRequiredService<LoadedModel>().RefreshAsync();

        Assert.True(result.Changed);
        Assert.Null(result.Error);
        Assert.Equal(models.BaselineVersion, await TwoModels.PredictedVersion(client));
        Assert.Equal(2, (await TwoModels.Described(client)).GetProperty("source").GetProperty("version").GetInt32());
        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(1, PrometheusText.Value(metrics, "gangway_model_reloads_total", ("model", "titanic")));
        Assert.Equal(0, PrometheusText.Value(metrics, "gangway_model_reload_failures_total", ("model", "titanic")));
    }

    [Fact]
    public async Task Refresh_AliasMovedToABrokenVersion_KeepsTheOldOneAndReportsWhy()
    {
        var store = models.NewStore();
        TwoModels.SetAlias(store, TwoModels.Register(store, models.Titanic));
        var broken = TwoModels.Register(store, "not a bundle"u8.ToArray());
        using var factory = TwoModels.Serve("titanic@champion", store);
        using var client = factory.CreateClient();

        TwoModels.SetAlias(store, broken);
        var result = await factory.Services.GetRequiredService<LoadedModel>().RefreshAsync();

        Assert.False(result.Changed);
        Assert.NotNull(result.Error);
        Assert.Equal(models.TitanicVersion, await TwoModels.PredictedVersion(client));
        var described = await TwoModels.Described(client);
        Assert.Equal(1, described.GetProperty("source").GetProperty("version").GetInt32());
        Assert.Equal(result.Error, described.GetProperty("lastError").GetString());
        Assert.Contains("titanic-2-", result.Error, StringComparison.Ordinal);
        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(1, PrometheusText.Value(metrics, "gangway_model_reload_failures_total", ("model", "titanic")));
        Assert.Equal(0, PrometheusText.Value(metrics, "gangway_model_reloads_total", ("model", "titanic")));
    }

    [Fact]
    public async Task Refresh_StoreUnreadable_IsAFailedRefreshWhileTheModelKeepsServing()
    {
        var store = models.NewStore();
        TwoModels.SetAlias(store, TwoModels.Register(store, models.Titanic));
        using var factory = TwoModels.Serve("titanic@champion", store);
        using var client = factory.CreateClient();
        var file = store["sqlite:".Length..];
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.WriteAllText(file, "this is no longer a database, and long enough to fill a SQLite header of one hundred bytes...........");

        var result = await factory.Services.GetRequiredService<LoadedModel>().RefreshAsync();

        Assert.False(result.Changed);
        Assert.Contains(file, result.Error, StringComparison.Ordinal);
        Assert.Equal(models.TitanicVersion, await TwoModels.PredictedVersion(client));
        Assert.Equal(result.Error, (await TwoModels.Described(client)).GetProperty("lastError").GetString());
    }
}
