using System.Net;
using Gangway.Bundles;
using Gangway.Server.Metrics;
using Gangway.Server.Predict;
using Gangway.Server.Serving;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gangway.Server.Models;

/// <summary><c>GET /</c>: what this service is, the model it serves and where to go next.</summary>
public static class HomeApi
{
    /// <summary>The service's other pages, as <c>GET /</c> lists them.</summary>
    public static readonly HomeLinks Links = new(
        Api: "/scalar",
        OpenApi: "/openapi/v1.json",
        Health: "/health/ready",
        Live: "/health/live",
        Models: "/models",
        Metrics: RequestMetrics.MetricsPath,
        Version: "/version",
        Predict: "/predict",
        Upsell: "/upsell");

    /// <summary>Maps <c>GET /</c>.</summary>
    public static IEndpointRouteBuilder MapHomeApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/", Home)
            .WithSummary("What the service is, the model it serves, and links to the API page, the OpenAPI document, health, models and metrics: an HTML page for a browser (Accept: text/html), JSON otherwise.");
        return app;
    }

    internal static Results<Ok<HomeInfo>, ContentHttpResult> Home(HttpRequest request, LoadedModel model)
    {
        Served? served = model.IsReady ? model.Current : null;
        if (served is not null)
        {
            ModelHeader.Set(request.HttpContext.Response, served);
        }

        var home = new HomeInfo(ApiDocument.Title, GangwayVersion.Current, served is null ? null : ModelReference.Of(served), Links);
        return request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase)
            ? TypedResults.Content(Html(home), "text/html; charset=utf-8")
            : TypedResults.Ok(home);
    }

    private static string Html(HomeInfo home)
    {
        var model = home.Model is { } m
            ? $"Serving model <b>{Encode(m.Name)}</b>, {(m.Registered is { } registered ? $"registered version <b>{Encode(registered)}</b>, " : "a bundle file (not registered), ")}bundle <code>{Encode(m.Version)}</code>."
            : "The model is still loading.";
        var links = home.Links;
        return $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Gangway</title></head>
            <body>
            <h1>Gangway {Encode(home.Gangway)}</h1>
            <p>{model}</p>
            <ul>
            <li><a href="{links.Api}">API page</a>: try <code>POST {links.Predict}</code> and <code>POST {links.Upsell}</code></li>
            <li><a href="{links.OpenApi}">OpenAPI document</a></li>
            <li><a href="{links.Health}">Readiness</a> and <a href="{links.Live}">liveness</a></li>
            <li><a href="{links.Models}">The served model</a>: schema, metrics, lineage, source</li>
            <li><a href="{links.Version}">Versions</a></li>
            <li><a href="{links.Metrics}">Prometheus metrics</a></li>
            </ul>
            </body></html>
            """;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

/// <summary>The answer of <c>GET /</c>.</summary>
/// <param name="Service">The service's name, <c>Gangway</c>.</param>
/// <param name="Gangway">The Gangway version serving.</param>
/// <param name="Model">The served model, or null while it loads.</param>
/// <param name="Links">Where the service's other pages are.</param>
public sealed record HomeInfo(string Service, string Gangway, ModelReference? Model, HomeLinks Links);

/// <summary>The service's pages.</summary>
/// <param name="Api">The interactive API page.</param>
/// <param name="OpenApi">The OpenAPI document.</param>
/// <param name="Health">Readiness: 200 once the model has loaded and passed its self-check.</param>
/// <param name="Live">Liveness.</param>
/// <param name="Models">The served model: schema, contract, metrics, lineage, source.</param>
/// <param name="Metrics">Prometheus metrics.</param>
/// <param name="Version">The Gangway, .NET and model versions.</param>
/// <param name="Predict">Scoring (POST).</param>
/// <param name="Upsell">Upgrade recommendations (POST).</param>
public sealed record HomeLinks(string Api, string OpenApi, string Health, string Live, string Models, string Metrics, string Version, string Predict, string Upsell);
