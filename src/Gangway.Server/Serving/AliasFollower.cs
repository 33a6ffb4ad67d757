using Gangway.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Gangway.Server.Serving;

/// <summary>
/// For each variant that serves an alias (<c>titanic@champion</c>), resolves it again every
/// <see cref="ServerOptions.RefreshSeconds"/> (timed by the injected <see cref="TimeProvider"/>) so promotions and
/// rollbacks in the store reach the service without a restart. Does nothing for a bundle file or a fixed version. With a
/// deployment, the variants and shadows are looked up again each time, as a refreshed deployment may have changed them.
/// </summary>
internal sealed class AliasFollower(ModelVariants variants, IOptions<ServerOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!variants.ServesDeployment && !variants.All.Any(v => v.FollowsAlias))
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(options.Value.RefreshSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, time, stoppingToken).ConfigureAwait(false);
                foreach (var variant in (variants.Current?.Loaded ?? []).Where(v => v.FollowsAlias).ToList())
                {
                    await variant.RefreshAsync(stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
