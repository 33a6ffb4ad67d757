using Gangway.OnlineEvaluation;
using Gangway.Server.Hosting;
using Gangway.Server.Metrics;
using Gangway.Server.PredictionLogging;
using Gangway.Server.Serving;
using Microsoft.Extensions.Options;

namespace Gangway.Server.Monitoring;

/// <summary>
/// Every <see cref="ServerOptions.OnlineMetricsSeconds"/> (first when the service starts), computes the online report of
/// the last <see cref="OnlineReports.DefaultSince"/>, shows it as gauges, and when a decision acts under a rule saying
/// <c>decide: auto</c>, hands it to <see cref="DeploymentAutopilot"/>, which moves the alias through the promotion gates.
/// Never on the request path; a failure is logged and counted, and the next round tries again. Runs only when the service
/// uses a store: the prediction log goes into it (the default), it serves a registry reference, or
/// <see cref="ServerOptions.Store"/> is set.
/// </summary>
internal sealed partial class OnlineMetricsLoop(
    ModelVariants variants,
    OnlineReports reports,
    ModelStores stores,
    OnlineGauges gauges,
    IOptions<ServerOptions> options,
    TimeProvider time,
    GangwayCatalog catalog,
    PredictionLogService log,
    ILogger<OnlineMetricsLoop> logger) : BackgroundService
{
    /// <summary>One round: report, gauges, and the autopilot when a decision acts. Returns the moves made; never throws.</summary>
    public async Task<IReadOnlyList<AutopilotMove>> RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var served = variants.Default.Current;
            var report = await reports.GetAsync(OnlineReports.DefaultSince, cancellationToken).ConfigureAwait(false);
            gauges.Show(report);
            if (!report.Decisions.Any(d => d.Acts))
            {
                return [];
            }

            IReadOnlyList<AutopilotMove> moves;
            var store = await stores.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (store.ConfigureAwait(false))
            {
                var autopilot = new AutopilotOptions { Metrics = ServedClasses.MetricsOptions(served), PromotionData = options.Value.PromotionData, Catalog = catalog };
                var since = Durations.PointInTime(OnlineReports.DefaultSince, time.GetUtcNow(), "since");
                moves = await DeploymentAutopilot.ActAsync(store, ServedClasses.ModelName(served), since, autopilot, cancellationToken).ConfigureAwait(false);
            }

            foreach (var move in moves)
            {
                gauges.RecordMove(move);
                LogMove(logger, move.Effect == AutopilotEffect.Refused ? LogLevel.Warning : LogLevel.Information, move.Message);
            }

            if (moves.Any(m => m.Effect == AutopilotEffect.Moved))
            {
                foreach (var variant in variants.All.Where(v => v.FollowsAlias))
                {
                    await variant.RefreshAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            return moves;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return [];
        }
#pragma warning disable CA1031 // Monitoring never stops serving: whatever failed is logged, counted and tried again next round.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            gauges.RecordFailure();
            LogFailure(logger, ex);
            return [];
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (log.Target.Kind != PredictionLogTarget.Store && string.IsNullOrEmpty(settings.Store) && !variants.All.Any(v => v.IsReady && v.Current.Source is not null))
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(settings.OnlineMetricsSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            try
            {
                await Task.Delay(interval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Message = "Online decision acted on: {Message}")]
    private static partial void LogMove(ILogger logger, LogLevel level, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Computing the online metrics or acting on their decisions failed; serving goes on and the next round tries again.")]
    private static partial void LogFailure(ILogger logger, Exception exception);
}
