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

    internal static Results<Ok<HomeInfo>, ContentHttpResult> Home(HttpRequest request, ModelVariants variants)
    {
        var set = variants.AllReady ? variants.Current : null;
        Served? served = set?.Champion.Current;
        if (served is not null)
        {
            ModelHeader.Set(request.HttpContext.Response, served);
        }

        var home = new HomeInfo(ApiDocument.Title, GangwayVersion.Current, served is null ? null : ModelReference.Of(served), Links)
        {
            Deployment = set is null || variants.DeploymentSetting is null ? null : DeploymentInfo.Of(variants.DeploymentSetting, set),
        };
        return request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase)
            ? TypedResults.Content(Html(home), "text/html; charset=utf-8")
            : TypedResults.Ok(home);
    }

    private static string Html(HomeInfo home)
    {
        var model = home.Model is { } m
            ? $"Serving model <b>{Encode(m.Name)}</b>, {(m.Registered is { } registered ? $"registered version <b>{Encode(registered)}</b>, " : "a bundle file (not registered), ")}bundle <code>{Encode(m.Version)}</code>."
            : "The model is still loading.";
        if (home.Deployment is { } deployment)
        {
            model += $" Deployment <b>{Encode(deployment.Name)}</b>: "
                + string.Join(", ", deployment.Variants.Select(v => $"{Encode(v.Name)} ({Encode(v.Registered ?? v.Version)}, weight {v.Weight})"))
                + string.Concat(deployment.Shadows.Select(s => $", shadow {Encode(s.Name)} ({Encode(s.Registered ?? s.Version)})")) + ".";
        }

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
public sealed record HomeInfo(string Service, string Gangway, ModelReference? Model, HomeLinks Links)
{
    /// <summary>The deployment served, with its variants and shadows; absent without a deployment (then <see cref="Model"/> answers everything).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public DeploymentInfo? Deployment { get; init; }
}

/// <summary>The deployment a service serves, as <c>GET /</c> describes it.</summary>
/// <param name="Name">The deployment setting: a deployed model's name or a deployment file.</param>
/// <param name="Revision">Its revision in the store, or null for a file.</param>
/// <param name="Champion">The variant the others are judged against (and that <see cref="HomeInfo.Model"/> names).</param>
/// <param name="Sticky">Where the routing key is read, e.g. <c>header X-Customer-Id</c> or <c>field PassengerId</c>; null when requests are routed at random by weight.</param>
/// <param name="Variants">The variants that answer requests.</param>
/// <param name="Shadows">The shadows, which score off the hot path and never answer.</param>
public sealed record DeploymentInfo(string Name, int? Revision, string Champion, string? Sticky, IReadOnlyList<VariantInfo> Variants, IReadOnlyList<VariantInfo> Shadows)
{
    internal static DeploymentInfo Of(string name, VariantSet set)
    {
        var spec = set.Deployment!;
        return new DeploymentInfo(
            name,
            set.Revision,
            spec.Champion,
            spec.Sticky is { } sticky ? $"{sticky.Source.ToString().ToLowerInvariant()} {sticky.Name}" : null,
            [.. spec.Variants.Select((v, i) => VariantInfo.Of(set.Routed[i], v.Weight))],
            [.. set.Shadows.Select(s => VariantInfo.Of(s, null))]);
    }
}

/// <summary>One variant or shadow of a deployment.</summary>
/// <param name="Name">Its name in the deployment.</param>
/// <param name="Registered">The registered version it serves now, e.g. <c>titanic:5</c>.</param>
/// <param name="Version">The first 12 hex digits of its bundle's SHA-256.</param>
/// <param name="Weight">Its weight; null for a shadow.</param>
public sealed record VariantInfo(string Name, string? Registered, string Version, double? Weight)
{
    internal static VariantInfo Of(LoadedModel model, double? weight) => new(model.Name, model.Current.Registered, model.Current.Version, weight);
}

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
