using Gangway.Bundles;
using Gangway.Server.Predict;
using Gangway.Server.Serving;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gangway.Server.Health;

/// <summary>Liveness, readiness, the heartbeat and the version.</summary>
public static class HealthApi
{
    /// <summary>The tag of health checks that must pass before the service takes traffic.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Maps <c>GET /ping</c>, <c>/health/live</c>, <c>/health/ready</c> and <c>/version</c>.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/ping", () => TypedResults.Text("pong"))
            .WithSummary("The heartbeat: answers 'pong'.");
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        app.MapGet("/version", Version)
            .WithSummary("The versions of the service and of the loaded model.");
        return app;
    }

    internal static Ok<VersionInfo> Version(LoadedModel model, HttpResponse response)
    {
        Served? served = model.IsReady ? model.Current : null;
        if (served is not null)
        {
            ModelHeader.Set(response, served);
        }

        return TypedResults.Ok(new VersionInfo(
            GangwayVersion.Current,
            Environment.Version.ToString(),
            served is null ? null : ModelReference.Of(served)));
    }
}

/// <summary>The answer of <c>GET /version</c>.</summary>
/// <param name="Gangway">The Gangway version serving.</param>
/// <param name="Runtime">The .NET runtime version.</param>
/// <param name="Model">The loaded model, or null while it loads.</param>
public sealed record VersionInfo(string Gangway, string Runtime, ModelReference? Model);
