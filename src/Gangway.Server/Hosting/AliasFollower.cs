using Microsoft.Extensions.Options;

namespace Gangway.Server.Hosting;

/// <summary>
/// When the service serves an alias (<c>titanic@champion</c>), resolves it again every
/// <see cref="ServerOptions.RefreshSeconds"/> (timed by the injected <see cref="TimeProvider"/>) so promotions and
/// rollbacks in the store reach the service without a restart. Does nothing for a bundle file or a fixed version.
/// </summary>
internal sealed class AliasFollower(LoadedModel model, ModelSourceResolver resolver, IOptions<ServerOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!resolver.FollowsAlias)
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(options.Value.RefreshSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, time, stoppingToken).ConfigureAwait(false);
                await model.RefreshAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
