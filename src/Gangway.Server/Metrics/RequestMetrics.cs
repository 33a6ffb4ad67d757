using System.Diagnostics;

namespace Gangway.Server.Metrics;

/// <summary>
/// Counts every answered request and its latency by status code, method and route pattern (the pattern, never the path,
/// so clients cannot create labels), and the requests in progress. Scrapes of <c>/metrics</c> are not counted.
/// </summary>
internal sealed class RequestMetrics(RequestDelegate next, ServiceMetrics metrics)
{
    public const string MetricsPath = "/metrics";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.Equals(MetricsPath, StringComparison.OrdinalIgnoreCase))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        metrics.InProgress.Inc();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            metrics.InProgress.Dec();
            var endpoint = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "";
            metrics.RecordRequest(endpoint, context.Request.Method, context.Response.StatusCode, Stopwatch.GetElapsedTime(started));
        }
    }
}
