using Gangway.Learners;
using Gangway.Server.Requests;
using Prometheus;

namespace Gangway.Server.Hosting;

/// <summary>
/// The service's own Prometheus metrics, in a registry of its own per app (tests run several apps side by side).
/// Recording never breaks a prediction: a failure is caught, counted in <c>gangway_metrics_failures_total</c> and logged.
/// Thread-safe.
/// </summary>
internal sealed partial class ServiceMetrics
{
    // Field names come from clients (misspelt names are errors too): anything that is not an input column shares one label.
    internal const string OtherField = "(other)";

    private readonly Counter _predictions;
    private readonly Histogram _probability;
    private readonly Counter _validationFailures;
    private readonly Counter _failures;
    private readonly ILogger<ServiceMetrics> _logger;

    public ServiceMetrics(ILogger<ServiceMetrics> logger)
    {
        _logger = logger;
        Registry = Metrics.NewCustomRegistry();
        Factory = Metrics.WithCustomRegistry(Registry);
        _predictions = Factory.CreateCounter("gangway_predictions_total", "Records scored, by model and version.", ["model", "version"]);
        _probability = Factory.CreateHistogram(
            "gangway_prediction_probability",
            "The predicted probability of the positive class, by model and version.",
            ["model", "version"],
            new HistogramConfiguration { Buckets = Histogram.LinearBuckets(0.1, 0.1, 9) });
        _validationFailures = Factory.CreateCounter(
            "gangway_validation_failures_total",
            "Problems found in rejected (422) records, by field and rule.",
            ["field", "rule"]);
        _failures = Factory.CreateCounter("gangway_metrics_failures_total", "Times recording a metric failed (the request was still answered).");
    }

    /// <summary>The registry <c>/metrics</c> exports.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>Creates metrics in <see cref="Registry"/>; the HTTP middleware uses it too.</summary>
    public IMetricFactory Factory { get; }

    /// <summary>Counts the scored records and their probabilities, or the problems of a rejected batch.</summary>
    public void Record(Served served, PredictResponse? response, IReadOnlyList<RecordError> errors)
    {
        try
        {
            if (response is not null)
            {
                RecordPredictions(response);
            }

            foreach (var error in errors)
            {
                var field = served.Schema.IndexOf(error.Field) >= 0 ? error.Field : OtherField;
                _validationFailures.WithLabels(field, error.Rule).Inc();
            }
        }
#pragma warning disable CA1031 // Metrics must never break a prediction.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _failures.Inc();
            LogFailure(_logger, ex);
        }
    }

    private void RecordPredictions(PredictResponse response)
    {
        var model = response.Model;
        _predictions.WithLabels(model.Name, model.Version).Inc(response.Predictions.Count);
        var probability = _probability.WithLabels(model.Name, model.Version);
        foreach (var record in response.Predictions)
        {
            if (record.GetValueOrDefault(PredictionColumns.Probability) is double value)
            {
                probability.Observe(value);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording prediction metrics failed; the request was answered.")]
    private static partial void LogFailure(ILogger logger, Exception exception);
}
