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
        await TwoModels.RegisterAsync(store, models.Titanic);
        var second = await TwoModels.RegisterAsync(store, models.Baseline, "baseline.yaml");
        await TwoModels.SetAliasAsync(store, second);
        using var factory = TwoModels.Serve("titanic@champion", store);
        using var client = factory.CreateClient();

        var described = await TwoModels.Described(client);

        Assert.Equal(models.BaselineVersion, await TwoModels.PredictedVersion(client));
        var source = described.GetProperty("source");
        Assert.Equal("titanic@champion", source.GetProperty("reference").GetString());
        Assert.Equal(2, source.GetProperty("version").GetInt32());
        await using var opened = await TwoModels.OpenAsync(store);
        Assert.Equal((await opened.Registry.FindVersionAsync("titanic", 2, CancellationToken.None))!.RunId, source.GetProperty("runId").GetString());
        Assert.Equal(JsonValueKind.Null, described.GetProperty("lastError").ValueKind);
        Assert.True(described.GetProperty("lastRefresh").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task Start_FixedVersionReference_ServesThatVersion()
    {
        var store = models.NewStore();
        await TwoModels.RegisterAsync(store, models.Titanic);
        await TwoModels.RegisterAsync(store, models.Baseline, "baseline.yaml");
        using var factory = TwoModels.Serve("titanic:1", store);
        using var client = factory.CreateClient();

        Assert.Equal(models.TitanicVersion, await TwoModels.PredictedVersion(client));
        Assert.Equal(1, (await TwoModels.Described(client)).GetProperty("source").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Start_AliasNotSet_FailsNamingTheAlias()
    {
        var store = models.NewStore();
        await TwoModels.RegisterAsync(store, models.Titanic);
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
        await TwoModels.SetAliasAsync(store, await TwoModels.RegisterAsync(store, models.Titanic));
        var second = await TwoModels.RegisterAsync(store, models.Baseline, "baseline.yaml");
        using var factory = TwoModels.Serve("titanic@champion", store);
        using var client = factory.CreateClient();
        Assert.Equal(models.TitanicVersion, await TwoModels.PredictedVersion(client));

        await TwoModels.SetAliasAsync(store, second);
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
        await TwoModels.SetAliasAsync(store, await TwoModels.RegisterAsync(store, models.Titanic));
        var broken = await TwoModels.RegisterAsync(store, "not a bundle"u8.ToArray());
        using var factory = TwoModels.Serve("titanic@champion", store);
        using var client = factory.CreateClient();

        await TwoModels.SetAliasAsync(store, broken);
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
        await TwoModels.SetAliasAsync(store, await TwoModels.RegisterAsync(store, models.Titanic));
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
