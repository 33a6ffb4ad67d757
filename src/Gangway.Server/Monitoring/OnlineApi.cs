using Gangway.Server.Errors;
using Gangway.Server.Serving;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gangway.Server.Monitoring;

/// <summary>
/// <c>GET /monitoring/online[?since=24h]</c>: the online metrics of the served model per variant and the deployment's
/// decisions, as <c>gangway monitor online --json</c> prints them; computed from the store at most every few seconds.
/// </summary>
public static class OnlineApi
{
    /// <summary>Maps <c>GET /monitoring/online</c>.</summary>
    public static IEndpointRouteBuilder MapOnlineApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/monitoring/online", ReportAsync)
            .WithName("OnlineMetrics")
            .WithSummary("Online metrics per variant (shadows included) from the logged predictions and their feedback, with intervals, and the deployment's decisions.")
            .WithDescription("since: a duration back from now (24h, 7d) or a date (2026-12-01); default 24h. The same JSON as 'gangway monitor online --json'; cached for 5 seconds. See docs/deployments.md.")
            .Produces<string>(contentType: "application/json")
            .ProducesProblem(ProblemMap.StatusOf(ErrorKind.InvalidInput))
            .ProducesProblem(ProblemMap.StatusOf(ErrorKind.Unavailable));
        return app;
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> ReportAsync(string? since, LoadedModel model, OnlineReports reports, CancellationToken cancellationToken)
    {
        if (!model.IsReady)
        {
            return Problems.NotReady();
        }

        try
        {
            var report = await reports.GetAsync(string.IsNullOrWhiteSpace(since) ? OnlineReports.DefaultSince : since, cancellationToken).ConfigureAwait(false);
            return TypedResults.Text(report.ToJson(), "application/json");
        }
        catch (GangwayException ex) when (ex.Kind == ErrorKind.InvalidInput)
        {
            return ProblemMap.Problem(ex);
        }
        catch (GangwayException ex)
        {
            return ProblemMap.Problem(ErrorKind.Unavailable, $"The online metrics could not be computed: {ex.Message}", "The store is not available.");
        }
    }
}
