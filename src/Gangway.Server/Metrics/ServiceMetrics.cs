using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Gangway.Server.Predict;
using Gangway.Server.Records;
using Gangway.Server.Serving;
using Gangway.Upsell;
using Prometheus;

namespace Gangway.Server.Metrics;

/// <summary>
/// The service's Prometheus metrics, in a registry of its own per app (tests run several apps side by side), without
/// exemplars. Recording never breaks a request: a failure is caught, counted in <c>gangway_metrics_failures_total</c> and
/// logged. Thread-safe.
/// </summary>
internal sealed partial class ServiceMetrics
{
    // Field names come from clients (misspelt names are errors too): anything that is not an input column shares one label.
    internal const string OtherField = "(other)";

    // Methods come from clients too: anything but the standard ones shares one label.
    internal const string OtherMethod = "OTHER";

    // Upsell answers without a recommendation.
    internal const string NoRecommendation = "(none)";

    private readonly Counter _requests;
    private readonly Histogram _requestDuration;
    private readonly ConcurrentDictionary<(string Endpoint, string Method, int Code), (Counter.Child Count, Histogram.Child Duration)> _requestChildren = new();
    private readonly Counter _predictions;
    private readonly Histogram _probability;

    // The label children of each served model, looked up by reference; a model no longer served is forgotten with it.
    private readonly ConditionalWeakTable<Served, ScoredChildren> _scoredChildren = [];
    private readonly Counter _recommendations;
    private readonly Counter _validationFailures;
    private readonly Counter _failures;
    private readonly Counter _reloads;
    private readonly Counter _reloadFailures;
    private readonly Counter _accessLogDropped;
    private readonly Counter _deploymentRefreshFailures;
    private readonly ILogger<ServiceMetrics> _logger;

    public ServiceMetrics(ILogger<ServiceMetrics> logger)
    {
        _logger = logger;
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        factory.ExemplarBehavior = ExemplarBehavior.NoExemplars();
        string[] request = ["code", "method", "endpoint"];
        _requests = factory.CreateCounter("http_requests_received_total", "Requests answered, by status code, method and route pattern.", request);
        _requestDuration = factory.CreateHistogram(
            "http_request_duration_seconds",
            "Time to answer a request in seconds, by status code, method and route pattern.",
            request,
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0005, 2, 14) });
        InProgress = factory.CreateGauge("http_requests_in_progress", "Requests being answered now.");
        // "version" is the bundle hash; "registered" the registered version (titanic:3), or "none" for a bundle file.
        _predictions = factory.CreateCounter("gangway_predictions_total", "Records scored, by model, version, registered version, endpoint and deployment variant (default without a deployment).", ["model", "version", "registered", "endpoint", "variant"]);
        _probability = factory.CreateHistogram(
            "gangway_prediction_probability",
            "The predicted probability of the positive class of each scored record as it is, by model, version, registered version and deployment variant (default without a deployment).",
            ["model", "version", "registered", "variant"],
            new HistogramConfiguration { Buckets = Histogram.LinearBuckets(0.1, 0.1, 9) });
        _recommendations = factory.CreateCounter(
            "gangway_upsell_recommendations_total",
            "Upsell answers by recommended tier ((none) when no upgrade reached the threshold), by model, version and registered version.",
            ["model", "version", "registered", "tier"]);
        _validationFailures = factory.CreateCounter(
            "gangway_validation_failures_total",
            "Problems found in rejected (422) records, by field and rule.",
            ["field", "rule"]);
        _failures = factory.CreateCounter("gangway_metrics_failures_total", "Times recording a metric failed (the request was still answered).");
        _reloads = factory.CreateCounter("gangway_model_reloads_total", "Times another model version was loaded, checked and swapped in while serving, by model.", ["model"]);
        _reloadFailures = factory.CreateCounter(
            "gangway_model_reload_failures_total",
            "Refreshes of the served model that failed (store unreachable, bundle unreadable, self-check failed); the previous model kept serving. By model.",
            ["model"]);
        _deploymentRefreshFailures = factory.CreateCounter(
            "gangway_deployment_refresh_failures_total",
            "Times re-reading the served deployment failed (store unreachable, a model that does not load, variants that do not share the request schema); the previous deployment kept serving. By deployment.",
            ["deployment"]);
        _accessLogDropped = factory.CreateCounter(
            "gangway_access_log_dropped_total",
            "Access log lines not written because the queue was full (the output was too slow or stalled) or the output failed.");
    }

    /// <summary>The registry <c>/metrics</c> exports.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>Requests being answered now.</summary>
    public Gauge InProgress { get; }

    /// <summary>
    /// Counts one answered request and its latency under its route pattern (empty when no route matched) and its method
    /// (<c>OTHER</c> for anything but the standard methods).
    /// </summary>
    public void RecordRequest(string endpoint, string method, int code, TimeSpan elapsed)
    {
        try
        {
            method = MethodLabel(method);
            if (!_requestChildren.TryGetValue((endpoint, method, code), out var children))
            {
                string[] labels = [code.ToString(CultureInfo.InvariantCulture), method, endpoint];
                children = _requestChildren.GetOrAdd((endpoint, method, code), (_requests.WithLabels(labels), _requestDuration.WithLabels(labels)));
            }

            children.Count.Inc();
            children.Duration.Observe(elapsed.TotalSeconds);
        }
#pragma warning disable CA1031 // Metrics must never break a request.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Failed(ex);
        }
    }

    /// <summary>Counts the records <c>/predict</c> scored and their probabilities, or the problems of a rejected batch.</summary>
    public void RecordPredictions(Served served, PredictionsResult? response, IReadOnlyList<RecordError> errors)
    {
        try
        {
            foreach (var part in response?.Parts ?? (response is null ? [] : [response]))
            {
                RecordScored(part.Served, static c => c.Predict, part.Probabilities);
            }

            RecordErrors(served, errors);
        }
#pragma warning disable CA1031 // Metrics must never break a prediction.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Failed(ex);
        }
    }

    /// <summary>
    /// Counts the records <c>/upsell</c> scored with their probabilities as they are, and the recommendations; or the
    /// problems of a rejected batch.
    /// </summary>
    public void RecordUpsell(Served served, IReadOnlyList<UpsellResult>? results, IReadOnlyList<RecordError> errors)
    {
        try
        {
            if (results is not null)
            {
                RecordScored(served, static c => c.Upsell, [.. results.Select(r => r.CurrentProbability)]);
                foreach (var result in results)
                {
                    _recommendations.WithLabels(served.Bundle.Name, served.Version, served.RegisteredLabel, result.Recommendation?.Tier ?? NoRecommendation).Inc();
                }
            }

            RecordErrors(served, errors);
        }
#pragma warning disable CA1031 // Metrics must never break an answer.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Failed(ex);
        }
    }

    /// <summary>Counts access log lines that were dropped.</summary>
    public void RecordAccessLogDropped(int lines) => _accessLogDropped.Inc(lines);

    /// <summary>Exports the reload counters of a model at 0, so alerts on them work before the first reload.</summary>
    public void StartReloadCounters(string model)
    {
        _reloads.WithLabels(model);
        _reloadFailures.WithLabels(model);
    }

    /// <summary>Exports the deployment refresh failure counter at 0, so alerts on it work before the first failure.</summary>
    public void StartDeploymentCounters(string deployment) => _deploymentRefreshFailures.WithLabels(deployment);

    /// <summary>Counts a re-read of the deployment that failed while the previous one kept serving.</summary>
    public void RecordDeploymentRefreshFailure(string deployment) => _deploymentRefreshFailures.WithLabels(deployment).Inc();

    /// <summary>Counts a model swapped in while serving.</summary>
    public void RecordReload(string model) => _reloads.WithLabels(model).Inc();

    /// <summary>Counts a refresh that failed while the previous model kept serving.</summary>
    public void RecordReloadFailure(string model) => _reloadFailures.WithLabels(model).Inc();

    // Case-sensitive, as methods are: the known ones are the instances Kestrel hands out.
    internal static string MethodLabel(string method) => method switch
    {
        "GET" or "HEAD" or "POST" or "PUT" or "DELETE" or "PATCH" or "OPTIONS" or "TRACE" or "CONNECT" => method,
        _ => OtherMethod,
    };

    private void RecordScored(Served served, Func<ScoredChildren, Counter.Child> endpoint, ReadOnlySpan<double> probabilities)
    {
        if (!_scoredChildren.TryGetValue(served, out var children))
        {
            children = _scoredChildren.GetValue(served, s => new ScoredChildren(_predictions, _probability, s));
        }

        endpoint(children).Inc(probabilities.Length);
        var histogram = children.Probability;
        foreach (var probability in probabilities)
        {
            if (double.IsFinite(probability))
            {
                histogram.Observe(probability);
            }
        }
    }

    private void RecordErrors(Served served, IReadOnlyList<RecordError> errors)
    {
        foreach (var error in errors)
        {
            var field = served.Schema.IndexOf(error.Field) >= 0 ? error.Field : OtherField;
            _validationFailures.WithLabels(field, error.Rule).Inc();
        }
    }

    private void Failed(Exception exception)
    {
        _failures.Inc();
        LogFailure(_logger, exception);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording metrics failed; the request was answered.")]
    private static partial void LogFailure(ILogger logger, Exception exception);

    private sealed class ScoredChildren(Counter predictions, Histogram probability, Served served)
    {
        public Counter.Child Predict { get; } = predictions.WithLabels(served.Bundle.Name, served.Version, served.RegisteredLabel, "/predict", served.VariantLabel);

        public Counter.Child Upsell { get; } = predictions.WithLabels(served.Bundle.Name, served.Version, served.RegisteredLabel, "/upsell", served.VariantLabel);

        public Histogram.Child Probability { get; } = probability.WithLabels(served.Bundle.Name, served.Version, served.RegisteredLabel, served.VariantLabel);
    }
}
