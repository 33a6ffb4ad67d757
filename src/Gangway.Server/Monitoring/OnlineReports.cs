using System.Diagnostics;
using Gangway.OnlineEvaluation;
using Gangway.Server.Serving;

namespace Gangway.Server.Monitoring;

/// <summary>
/// The online report of the served model (<see cref="OnlineMonitor.ReportAsync"/> on the service's store), kept for
/// <see cref="CacheFor"/> per <c>since</c>: the store read is not cheap, so requests within that time, concurrent ones
/// included, share one computation. A failed computation is not kept. Thread-safe.
/// </summary>
internal sealed class OnlineReports(ModelVariants variants, ModelStores stores, TimeProvider time)
{
    /// <summary>The window reported when none is asked for, and the one the gauges show: the last 24 hours.</summary>
    public const string DefaultSince = "24h";

    /// <summary>How long a computed report is answered again.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    // More distinct windows than this in CacheFor is unusual; the cache is then emptied rather than grown.
    private const int MaxEntries = 32;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (long At, Task<OnlineReport> Report)> _cache = new(StringComparer.Ordinal);

    /// <summary>The report on predictions since <paramref name="since"/> (a duration back from now, or a date).</summary>
    /// <exception cref="GangwayException"><paramref name="since"/> is not a duration or date (<see cref="ErrorKind.InvalidInput"/>); the store fails.</exception>
    public Task<OnlineReport> GetAsync(string since, CancellationToken cancellationToken)
    {
        var from = Durations.PointInTime(since, time.GetUtcNow(), "since");
        var served = variants.Default.Current;
        Task<OnlineReport> report;
        lock (_gate)
        {
            if (!_cache.TryGetValue(since, out var entry) || Stopwatch.GetElapsedTime(entry.At) >= CacheFor || entry.Report.IsFaulted || entry.Report.IsCanceled)
            {
                if (_cache.Count >= MaxEntries)
                {
                    _cache.Clear();
                }

                // Not the caller's token: other requests wait for the same computation.
                entry = (Stopwatch.GetTimestamp(), ComputeAsync(served, from));
                _cache[since] = entry;
            }

            report = entry.Report;
        }

        return report.WaitAsync(cancellationToken);
    }

    private async Task<OnlineReport> ComputeAsync(Served served, DateTimeOffset from)
    {
        var store = await stores.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            return await OnlineMonitor.ReportAsync(store, ServedClasses.ModelName(served), from, ServedClasses.MetricsOptions(served), CancellationToken.None).ConfigureAwait(false);
        }
    }
}
