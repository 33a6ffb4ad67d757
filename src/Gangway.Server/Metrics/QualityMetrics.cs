using Gangway.Monitoring.Quality;
using Prometheus;

namespace Gangway.Server.Metrics;

/// <summary>
/// The online data quality counts as Prometheus counters, brought up to the in-memory counts at each scrape:
/// <c>gangway_quality_records_total</c>, <c>gangway_quality_missing_total</c>, <c>gangway_quality_out_of_range_total</c>,
/// <c>gangway_quality_unknown_category_total</c> by variant and field, and <c>gangway_quality_non_finite_total</c> by
/// variant and where (<c>input</c>: ±infinity in a numeric input; <c>output</c>: NaN or ±infinity in the probability or
/// a numeric prediction).
/// </summary>
internal sealed class QualityMetrics
{
    private readonly ServiceMetrics _metrics;
    private readonly Counter _records;
    private readonly Counter _missing;
    private readonly Counter _outOfRange;
    private readonly Counter _unknownCategory;
    private readonly Counter _nonFinite;

    public QualityMetrics(ServiceMetrics metrics)
    {
        _metrics = metrics;
        var factory = Prometheus.Metrics.WithCustomRegistry(metrics.Registry);
        string[] field = ["variant", "field"];
        _records = factory.CreateCounter("gangway_quality_records_total", "Answered records that had the input field, by variant and field.", field);
        _missing = factory.CreateCounter("gangway_quality_missing_total", "Answered records whose input field was missing, by variant and field.", field);
        _outOfRange = factory.CreateCounter(
            "gangway_quality_out_of_range_total", "Answered values below the contract's min or above its max (warn rules), by variant and field.", field);
        _unknownCategory = factory.CreateCounter(
            "gangway_quality_unknown_category_total", "Answered values not among the contract's allowed values (warn rules), by variant and field.", field);
        _nonFinite = factory.CreateCounter(
            "gangway_quality_non_finite_total", "Non-finite values by variant and where: input (±infinity in a numeric input) or output (NaN or ±infinity in the probability or prediction).", ["variant", "where"]);
    }

    /// <summary>Runs <paramref name="update"/> before each scrape.</summary>
    public void BeforeScrape(Action update) => _metrics.Registry.AddBeforeCollectCallback(update);

    /// <summary>Brings a variant's counters up to <paramref name="snapshot"/> (counts only grow).</summary>
    public void Export(string variant, QualitySnapshot snapshot)
    {
        foreach (var field in snapshot.Fields)
        {
            _records.WithLabels(variant, field.Field).IncTo(field.Records);
            _missing.WithLabels(variant, field.Field).IncTo(field.Missing);
            _outOfRange.WithLabels(variant, field.Field).IncTo(field.OutOfRange);
            _unknownCategory.WithLabels(variant, field.Field).IncTo(field.UnknownCategory);
        }

        _nonFinite.WithLabels(variant, "input").IncTo(snapshot.NonFiniteInputs);
        _nonFinite.WithLabels(variant, "output").IncTo(snapshot.NonFiniteOutputs);
    }
}
