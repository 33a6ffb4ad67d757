using System.Globalization;
using System.Net;
using Gangway.OnlineEvaluation;
using Gangway.Server.Monitoring;
using Gangway.Stores;
using Gangway.Tests.OnlineEvaluation;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Gangway.Server.Tests.Monitoring;

/// <summary>
/// <c>GET /monitoring/online</c>, the online gauges and the automatic decisions, on real Kestrel over a real SQLite
/// store seeded with logged predictions and their feedback (a challenger right 19 times in 20, the champion 12).
/// </summary>
public sealed class OnlineApiTests(TwoModels models) : IClassFixture<TwoModels>
{
    [Fact]
    public async Task Online_SameStore_AnswersWhatOnlineMonitorComputesAndTheGaugesShowIt()
    {
        var store = models.NewStore();
        await using (var opened = await TwoModels.OpenAsync(store))
        {
            await opened.Deployments.ApplyAsync(OnlineEvidence.Deployment("promote_when", "report"), new Change("tests"), default);
            await OnlineEvidence.SeedAsync(opened, DateTimeOffset.UtcNow.AddMinutes(-30), 200, championRight: 12, challengerRight: 19);
        }

        await using var app = await OnlineServer.StartAsync(Path.Combine(models.Folder, "titanic.gwb"), store);
        using var client = OnlineServer.Client(app);
        var since = DateTimeOffset.UtcNow.AddHours(-2);
        var sinceText = since.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

        var json = await client.GetStringAsync(new Uri($"/monitoring/online?since={sinceText}", UriKind.Relative));

        await using (var opened = await TwoModels.OpenAsync(store))
        {
            var expected = await OnlineMonitor.ReportAsync(opened, "titanic", DateTimeOffset.Parse(sinceText, CultureInfo.InvariantCulture), null, default);
            Assert.Equal(expected.ToJson(), json);
        }

        Assert.Empty(await Loop(app).RunOnceAsync(default));
        var report = await app.Services.GetRequiredService<OnlineReports>().GetAsync(OnlineReports.DefaultSince, default);
        var challenger = report.Variants.Single(v => v.Variant == "challenger");
        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(200, PrometheusText.Value(metrics, "gangway_online_predictions", ("variant", "challenger")));
        Assert.Equal(200, PrometheusText.Value(metrics, "gangway_online_labelled", ("variant", "champion")));
        Assert.Equal(challenger.Accuracy!.Value, PrometheusText.Value(metrics, "gangway_online_metric", ("variant", "challenger"), ("metric", "accuracy"), ("bound", "value")));
        Assert.Equal(challenger.Accuracy.Interval!.Lower, PrometheusText.Value(metrics, "gangway_online_metric", ("variant", "challenger"), ("metric", "accuracy"), ("bound", "lower")));
        // Report mode: the challenger's decision is promote, shown, and nothing moved.
        Assert.Equal(1, PrometheusText.Value(metrics, "gangway_online_decision", ("variant", "challenger"), ("state", "promote")));
        Assert.Equal(0, PrometheusText.Value(metrics, "gangway_online_decision", ("variant", "challenger"), ("state", "collecting")));
        Assert.Equal(0, PrometheusText.Value(metrics, "gangway_online_metrics_failures_total"));
    }

    [Fact]
    public async Task Online_BadSince_Answers400Problem()
    {
        await using var app = await OnlineServer.StartAsync(Path.Combine(models.Folder, "titanic.gwb"), models.NewStore());
        using var client = OnlineServer.Client(app);

        using var response = await client.GetAsync(new Uri("/monitoring/online?since=yesterday", UriKind.Relative));

        var problem = await ProblemAssertions.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("since must be a duration back from now (24h, 30d) or a date (2026-12-01, 2026-12-01T08:00:00Z); it is 'yesterday'.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Loop_AutoPromoteRuleFires_MovesTheChampionAliasOnceAsDeploymentAndServesTheWinner()
    {
        var store = models.NewStore();
        await TwoModels.SetAliasAsync(store, await TwoModels.RegisterAsync(store, models.Baseline, "baseline.yaml"));
        await TwoModels.SetAliasAsync(store, await TwoModels.RegisterAsync(store, models.Titanic), "challenger");
        await using (var opened = await TwoModels.OpenAsync(store))
        {
            await opened.Deployments.ApplyAsync(OnlineEvidence.Deployment("promote_when", "auto"), new Change("tests"), default);
            await OnlineEvidence.SeedAsync(opened, DateTimeOffset.UtcNow.AddSeconds(1), 200, championRight: 12, challengerRight: 19);
        }

        await using var app = await OnlineServer.StartAsync("titanic@champion", store);
        using var client = OnlineServer.Client(app);

        // The loop's first round runs when the service starts; a round run here must not move the alias a second time.
        var moved = await WaitForAliasAsync(store, "champion", 2);
        await Loop(app).RunOnceAsync(default);

        Assert.True(moved, "The champion alias did not move to the challenger's version.");
        await using (var opened = await TwoModels.OpenAsync(store))
        {
            var change = Assert.Single(await opened.Registry.AliasHistoryAsync("titanic", "champion", default), c => c.Actor == DeploymentAutopilot.Actor);
            Assert.Equal((2, (int?)1), (change.Version, change.PreviousVersion));
            Assert.Contains("'challenger' is better than 'champion' on accuracy", change.Reason, StringComparison.Ordinal);
        }

        Assert.Equal(models.TitanicVersion, await TwoModels.PredictedVersion(client));
        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(1, PrometheusText.Value(metrics, "gangway_online_autopilot_moves_total", ("variant", "challenger"), ("result", "moved")));
    }

    [Fact]
    public async Task Loop_ReportRuleFires_MovesNothing()
    {
        var store = models.NewStore();
        await TwoModels.SetAliasAsync(store, await TwoModels.RegisterAsync(store, models.Baseline, "baseline.yaml"));
        await TwoModels.SetAliasAsync(store, await TwoModels.RegisterAsync(store, models.Titanic), "challenger");
        await using (var opened = await TwoModels.OpenAsync(store))
        {
            await opened.Deployments.ApplyAsync(OnlineEvidence.Deployment("promote_when", "report"), new Change("tests"), default);
            await OnlineEvidence.SeedAsync(opened, DateTimeOffset.UtcNow.AddSeconds(1), 200, championRight: 12, challengerRight: 19);
        }

        await using var app = await OnlineServer.StartAsync("titanic@champion", store);

        Assert.Empty(await Loop(app).RunOnceAsync(default));
        await using var check = await TwoModels.OpenAsync(store);
        Assert.Equal(1, await check.Registry.ResolveAliasAsync("titanic", "champion", default));
    }

    private static OnlineMetricsLoop Loop(WebApplication app) => app.Services.GetRequiredService<OnlineMetricsLoop>();

    private static async Task<bool> WaitForAliasAsync(string store, string alias, int version)
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            await using (var opened = await TwoModels.OpenAsync(store))
            {
                if (await opened.Registry.ResolveAliasAsync("titanic", alias, default) == version)
                {
                    return true;
                }
            }

            await Task.Delay(100);
        }

        return false;
    }
}
