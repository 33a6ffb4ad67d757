using System.Collections.Concurrent;
using Gangway.Bundles;
using Gangway.Monitoring.Quality;
using Gangway.Server.Metrics;
using Gangway.Server.PredictionLogging;
using Gangway.Server.Serving;

namespace Gangway.Server.Monitoring;

/// <summary>
/// Online data quality per served variant (<see cref="ModelVariants.DefaultName"/> without a deployment): a
/// <see cref="QualityCounters"/> over the model's feature columns (ids left out) against its contract. When a variant's
/// model changes (a promotion, a new deployment revision) the counts go on under the new model's contract, the old
/// counts kept. Counts live in memory and start at zero with the process. Exported as Prometheus counters at each scrape.
/// </summary>
internal sealed class QualityMonitor : IAnswerMonitor
{
    private readonly ConcurrentDictionary<string, VariantQuality> _variants = new(StringComparer.Ordinal);

    public QualityMonitor(QualityMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        metrics.BeforeScrape(() =>
        {
            foreach (var (variant, quality) in _variants)
            {
                metrics.Export(variant, quality.Counters.Snapshot());
            }
        });
    }

    /// <summary>The counts of each variant that has answered, by variant.</summary>
    public IReadOnlyDictionary<string, VariantQuality> Variants => _variants;

    public void Observe(ScoredAnswer answer)
    {
        var variant = answer.Variant ?? ModelVariants.DefaultName;
        var quality = _variants.TryGetValue(variant, out var known) && ReferenceEquals(known.Model, answer.Served) ? known : Replace(variant, known, answer.Served);
        quality.Counters.Add(answer.Input(), answer.Scored());
    }

    // Only the lane's loop observes, so no other thread replaces a variant meanwhile.
    private VariantQuality Replace(string variant, VariantQuality? old, Served model)
    {
        var counters = new QualityCounters(model.Schema.Columns.Where(c => c.Role != ColumnRole.Id).Select(c => c.Name), model.Contract);
        if (old is not null)
        {
            counters.Merge(old.Counters);
        }

        var quality = new VariantQuality(model, counters);
        _variants[variant] = quality;
        return quality;
    }
}

/// <summary>One variant's quality counts and the model they are now counted for.</summary>
/// <param name="Model">The model the variant serves now.</param>
/// <param name="Counters">The counts since the process started.</param>
internal sealed record VariantQuality(Served Model, QualityCounters Counters);
