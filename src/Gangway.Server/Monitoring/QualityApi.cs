using System.Text.Json;
using System.Text.Json.Nodes;
using Gangway.Server.Metrics;

namespace Gangway.Server.Monitoring;

/// <summary>
/// <c>GET /monitoring/quality</c>: the online data quality counts of each served variant since the service started
/// (missing, out-of-range and unknown-category counts and rates per input field, non-finite inputs and outputs), and
/// the monitoring lane's skipped and failed records. Read-only; says <c>"enabled": false</c> when monitoring is off.
/// </summary>
public static class QualityApi
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Maps <c>GET /monitoring/quality</c>.</summary>
    public static IEndpointRouteBuilder MapQualityApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/monitoring/quality", Report)
            .WithName("DataQuality")
            .WithSummary("Online data quality per served variant: missing, out-of-range and unknown-category counts and rates per input field, non-finite inputs and outputs.")
            .WithDescription("Counts since the service started, off the request path (answers a full monitoring queue skipped are counted in 'skipped'). See docs/service.md.")
            .Produces<string>(contentType: "application/json");
        return app;
    }

    internal static IResult Report(MonitoringLane lane, QualityMonitor monitor, MonitoringMetrics metrics)
    {
        var variants = new JsonObject();
        foreach (var (variant, quality) in monitor.Variants.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            var report = quality.Counters.Snapshot().ToJsonObject();
            report["model"] = quality.Model.Bundle.Name;
            report["registered"] = quality.Model.Registered;
            report["version"] = quality.Model.Version;
            variants[variant] = report;
        }

        var root = new JsonObject
        {
            ["enabled"] = lane.IsEnabled,
            ["skipped"] = metrics.Skipped,
            ["failures"] = metrics.Failures,
            ["variants"] = variants,
        };
        return TypedResults.Text(root.ToJsonString(Indented), "application/json");
    }
}
