using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gangway.Server.Hosting;

/// <summary>Healthy once the model is loaded and has scored its example rows.</summary>
internal sealed class ModelReadyCheck(LoadedModel model) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(model.IsReady
            ? HealthCheckResult.Healthy($"Model '{model.Current.Bundle.Name}' version {model.Current.Version} is loaded and passed its self-check.")
            : HealthCheckResult.Unhealthy("The model is not loaded yet."));
}
