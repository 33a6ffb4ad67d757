using Gangway.Server.Serving;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gangway.Server.Health;

/// <summary>Healthy once every model variant is loaded and has scored its example rows.</summary>
internal sealed class ModelReadyCheck(ModelVariants variants) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(variants.AllReady
            ? HealthCheckResult.Healthy(string.Join(" ", variants.All.Select(Loaded)))
            : HealthCheckResult.Unhealthy("The model is not loaded yet."));

    private static string Loaded(LoadedModel model) =>
        $"Model '{model.Current.Bundle.Name}' version {model.Current.Version} is loaded and passed its self-check.";
}
