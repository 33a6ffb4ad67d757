using Gangway.Deployment;

namespace Gangway.Server.Serving;

/// <summary>
/// When the service serves a deployment, reads it again every <see cref="DeploymentSpec.Refresh"/> of the deployment
/// being served (timed by the injected <see cref="TimeProvider"/>), so changed weights, variants and shadows take effect
/// without a restart (see <see cref="ModelVariants.RefreshDeploymentAsync"/>). Does nothing without a deployment.
/// </summary>
internal sealed class DeploymentFollower(ModelVariants variants, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!variants.ServesDeployment)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var interval = variants.Current?.Deployment?.Refresh ?? DeploymentSpec.DefaultRefresh;
                await Task.Delay(interval, time, stoppingToken).ConfigureAwait(false);
                await variants.RefreshDeploymentAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
