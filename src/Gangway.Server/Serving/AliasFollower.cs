using Gangway.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Gangway.Server.Serving;

/// <summary>
/// For each variant that serves an alias (<c>titanic@champion</c>), resolves it again every
/// <see cref="ServerOptions.RefreshSeconds"/> (timed by the injected <see cref="TimeProvider"/>) so promotions and
/// rollbacks in the store reach the service without a restart. Does nothing for a bundle file or a fixed version.
/// </summary>
internal sealed class AliasFollower(ModelVariants variants, IOptions<ServerOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var following = variants.All.Where(v => v.FollowsAlias).ToList();
        if (following.Count == 0)
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(options.Value.RefreshSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, time, stoppingToken).ConfigureAwait(false);
                foreach (var variant in following)
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
