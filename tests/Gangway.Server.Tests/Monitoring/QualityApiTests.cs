using System.Text.Json;
using System.Text.Json.Nodes;
using Gangway.Server.Monitoring;
using Gangway.Server.PredictionLogging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Gangway.Server.Tests.Monitoring;

/// <summary><c>GET /monitoring/quality</c> and the <c>gangway_quality_*</c> metrics, on the real in-process service.</summary>
public sealed class QualityApiTests(WarnedTitanic titanic) : IClassFixture<WarnedTitanic>
{
    [Fact]
    public async Task Quality_WarnViolationsAndMissingAge_CountedInTheEndpointAndMetrics()
    {
        await using var factory = titanic.Serve();
        using var client = factory.CreateClient();

        await WarnedTitanic.PredictAsync(client, $"[{WarnedTitanic.Record(130, "S")}, {WarnedTitanic.Record(null, "X")}, {WarnedTitanic.Record(-2, "Q")}]");
        await WarnedTitanic.PredictAsync(client, $"[{WarnedTitanic.Record(null, "C")}]");

        var quality = await WarnedTitanic.WaitForQualityAsync(client, 4);
        Assert.True(quality.GetProperty("enabled").GetBoolean());
        var age = WarnedTitanic.Field(quality, "default", "Age");
        Assert.Equal(4, age.GetProperty("records").GetInt64());
        Assert.Equal(2, age.GetProperty("missing").GetInt64());
        Assert.Equal(0.5, age.GetProperty("missing_rate").GetDouble());
        Assert.Equal(2, age.GetProperty("out_of_range").GetInt64());
        var embarked = WarnedTitanic.Field(quality, "default", "Embarked");
        Assert.Equal(1, embarked.GetProperty("unknown_category").GetInt64());
        Assert.Equal(0, embarked.GetProperty("missing").GetInt64());
        Assert.Equal(0, WarnedTitanic.Field(quality, "default", "Fare").GetProperty("out_of_range").GetInt64());
        Assert.DoesNotContain(quality.GetProperty("variants").GetProperty("default").GetProperty("fields").EnumerateArray(), f => f.GetProperty("field").GetString() == "PassengerId");
        Assert.Equal(0, quality.GetProperty("variants").GetProperty("default").GetProperty("non_finite_outputs").GetInt64());

        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(4, PrometheusText.Value(metrics, "gangway_quality_records_total", ("variant", "default"), ("field", "Age")));
        Assert.Equal(2, PrometheusText.Value(metrics, "gangway_quality_missing_total", ("variant", "default"), ("field", "Age")));
        Assert.Equal(2, PrometheusText.Value(metrics, "gangway_quality_out_of_range_total", ("variant", "default"), ("field", "Age")));
        Assert.Equal(1, PrometheusText.Value(metrics, "gangway_quality_unknown_category_total", ("variant", "default"), ("field", "Embarked")));
        Assert.Single(PrometheusText.Samples(metrics, "gangway_quality_non_finite_total"), s => s.Labels["where"] == "output" && s.Value == 0);
    }

    [Fact]
    public async Task Quality_UpsellAnswers_InputsCounted()
    {
        await using var factory = titanic.Serve();
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(
            new Uri("/upsell", UriKind.Relative),
            new StringContent($"[{WarnedTitanic.Record(-1, "S")}, {WarnedTitanic.Record(null, "S", 893)}]", System.Text.Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());

        var quality = await WarnedTitanic.WaitForQualityAsync(client, 2);
        var age = WarnedTitanic.Field(quality, "default", "Age");
        Assert.Equal((2, 1, 1), (age.GetProperty("records").GetInt64(), age.GetProperty("missing").GetInt64(), age.GetProperty("out_of_range").GetInt64()));
    }

    [Fact]
    public async Task Quality_MonitoringOff_NothingCountedAndTheEndpointSaysOff()
    {
        await using var factory = titanic.Serve(new Dictionary<string, string?> { ["Gangway:Monitoring"] = "false" });
        using var client = factory.CreateClient();

        await WarnedTitanic.PredictAsync(client, $"[{WarnedTitanic.Record(130, "X")}, {WarnedTitanic.Record(null, "S")}]");
        await Task.Delay(200);

        var quality = await WarnedTitanic.QualityAsync(client);
        Assert.False(quality.GetProperty("enabled").GetBoolean());
        Assert.Empty(quality.GetProperty("variants").EnumerateObject());
        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Empty(PrometheusText.Samples(metrics, "gangway_quality_records_total"));
    }

    [Fact]
    public async Task Quality_QueueOfOneUnderABurst_EveryRecordCountedOrSkipped()
    {
        await using var factory = titanic.Serve(new Dictionary<string, string?> { ["Gangway:MonitoringQueueSize"] = "1" });
        using var client = factory.CreateClient();
        const int Requests = 200;

        await Task.WhenAll(Enumerable.Range(0, Requests).Select(i => WarnedTitanic.PredictAsync(client, $"[{WarnedTitanic.Record(null, "S", 1000 + i)}]")));

        var quality = await WarnedTitanic.WaitForQualityAsync(client, Requests);
        await Task.Delay(100);
        quality = await WarnedTitanic.QualityAsync(client);
        var counted = quality.GetProperty("variants").TryGetProperty("default", out var variant) ? variant.GetProperty("records").GetInt64() : 0;
        var skipped = quality.GetProperty("skipped").GetInt64();
        Assert.Equal(Requests, counted + skipped);
        Assert.Equal(counted, WarnedTitanic.Field(quality, "default", "Age").GetProperty("missing").GetInt64());
        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(skipped, PrometheusText.Value(metrics, "gangway_monitoring_skipped_total"));
    }

    [Fact]
    public async Task Quality_MonitoringOnOrOff_AnswersAreTheSame()
    {
        var records = $"[{WarnedTitanic.Record(130, "X")}, {WarnedTitanic.Record(null, "S", 893)}, {WarnedTitanic.Record(30, "C", 894)}]";

        var on = await AnswerAsync(null, records);
        var off = await AnswerAsync("false", records);

        Assert.Equal(off, on);
    }

    [Fact]
    public async Task Quality_AMonitorFails_CountedAndTheAnswerStands()
    {
        await using var factory = titanic.Serve().WithWebHostBuilder(builder =>
            builder.ConfigureServices(services => services.AddSingleton<IAnswerMonitor, FailingMonitor>()));
        using var client = factory.CreateClient();

        var answer = JsonDocument.Parse(await WarnedTitanic.PredictAsync(client, $"[{WarnedTitanic.Record(30, "S")}, {WarnedTitanic.Record(40, "S", 893)}]")).RootElement;

        Assert.Equal(2, answer.GetProperty("predictions").GetArrayLength());
        var quality = await WarnedTitanic.WaitForQualityAsync(client, 2);
        Assert.Equal(2, quality.GetProperty("variants").GetProperty("default").GetProperty("records").GetInt64());
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((quality = await WarnedTitanic.QualityAsync(client)).GetProperty("failures").GetInt64() < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "The failing monitor was never counted.");
            await Task.Delay(50);
        }

        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(2, PrometheusText.Value(metrics, "gangway_monitoring_failures_total"));
    }

    // The answer's predictions without their ids (new for every answer).
    private async Task<string> AnswerAsync(string? monitoring, string records)
    {
        await using var factory = titanic.Serve(new Dictionary<string, string?> { ["Gangway:Monitoring"] = monitoring });
        using var client = factory.CreateClient();
        var answer = JsonNode.Parse(await WarnedTitanic.PredictAsync(client, records))!;
        foreach (var prediction in answer["predictions"]!.AsArray())
        {
            prediction!.AsObject().Remove("prediction_id");
        }

        return answer["predictions"]!.ToJsonString();
    }

    private sealed class FailingMonitor : IAnswerMonitor
    {
        public void Observe(ScoredAnswer answer) => throw new InvalidOperationException("This monitor always fails.");
    }
}
