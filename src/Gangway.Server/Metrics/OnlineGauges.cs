using Gangway.OnlineEvaluation;
using Prometheus;

namespace Gangway.Server.Metrics;

/// <summary>
/// The online metrics of the last computed report as Prometheus gauges, per variant (shadows included):
/// <c>gangway_online_predictions</c>, <c>gangway_online_labelled</c>, <c>gangway_online_metric{variant,metric,bound}</c>
/// (bound <c>value</c>, <c>lower</c>, <c>upper</c>) and <c>gangway_online_decision{variant,state}</c> (one-hot). A
/// metric without a value (no labels yet) has no series; a variant no longer reported loses its series. Written only by
/// the background loop, never on the request path.
/// </summary>
internal sealed class OnlineGauges
{
    private static readonly string[] States = ["collecting", "keep_running", "promote", "rollback"];

    private readonly Gauge _predictions;
    private readonly Gauge _labelled;
    private readonly Gauge _metric;
    private readonly Gauge _decision;
    private readonly Counter _failures;
    private readonly Counter _moves;
    private readonly Lock _gate = new();
    private HashSet<string[]> _shown = new(LabelsComparer.Instance);

    public OnlineGauges(ServiceMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var factory = Prometheus.Metrics.WithCustomRegistry(metrics.Registry);
        _predictions = factory.CreateGauge("gangway_online_predictions", "Logged predictions in the online metrics window, by variant.", ["variant"]);
        _labelled = factory.CreateGauge("gangway_online_labelled", "Logged predictions in the online metrics window with a label fed back, by variant.", ["variant"]);
        _metric = factory.CreateGauge(
            "gangway_online_metric",
            "Online metric of a variant against the feedback (accuracy, roc_auc, log_loss, brier, ece, reward), with bound value, or lower and upper of its interval.",
            ["variant", "metric", "bound"]);
        _decision = factory.CreateGauge("gangway_online_decision", "The decision about each challenger against the champion: 1 for its state, 0 for the others.", ["variant", "state"]);
        _failures = factory.CreateCounter("gangway_online_metrics_failures_total", "Times computing the online metrics or acting on their decisions failed (logged; serving went on).");
        _moves = factory.CreateCounter(
            "gangway_online_autopilot_moves_total",
            "Decisions of decide: auto rules acted on, by variant, decision and result (moved, already_done, refused, not_movable).",
            ["variant", "decision", "result"]);
    }

    /// <summary>Counts a failed computation or move.</summary>
    public void RecordFailure() => _failures.Inc();

    /// <summary>Counts one acted-on decision.</summary>
    public void RecordMove(AutopilotMove move)
    {
        ArgumentNullException.ThrowIfNull(move);
        _moves.WithLabels(move.Variant, StateName(move.Outcome), ResultName(move.Effect)).Inc();
    }

    /// <summary>Shows <paramref name="report"/>: sets every series it defines and removes those it no longer does.</summary>
    public void Show(OnlineReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var shown = new HashSet<string[]>(LabelsComparer.Instance);
        void Set(Gauge gauge, double value, params string[] labels)
        {
            gauge.WithLabels(labels).Set(value);
            shown.Add([gauge.Name, .. labels]);
        }

        lock (_gate)
        {
            foreach (var variant in report.Variants)
            {
                Set(_predictions, variant.Predictions, variant.Variant);
                Set(_labelled, variant.Labelled, variant.Variant);
                foreach (var (name, estimate) in Estimates(variant))
                {
                    if (estimate is null || !double.IsFinite(estimate.Value))
                    {
                        continue;
                    }

                    Set(_metric, estimate.Value, variant.Variant, name, "value");
                    if (estimate.Interval is { } interval)
                    {
                        Set(_metric, interval.Lower, variant.Variant, name, "lower");
                        Set(_metric, interval.Upper, variant.Variant, name, "upper");
                    }
                }
            }

            foreach (var decision in report.Decisions)
            {
                var state = StateName(decision.Outcome);
                foreach (var each in States)
                {
                    Set(_decision, each == state ? 1 : 0, decision.Variant, each);
                }
            }

            foreach (var gone in _shown.Where(labels => !shown.Contains(labels)))
            {
                GaugeNamed(gone[0]).RemoveLabelled(gone[1..]);
            }

            _shown = shown;
        }
    }

    internal static string StateName(DecisionOutcome outcome) => States[(int)outcome];

    internal static string ResultName(AutopilotEffect result) => result switch
    {
        AutopilotEffect.Moved => "moved",
        AutopilotEffect.AlreadyDone => "already_done",
        AutopilotEffect.Refused => "refused",
        _ => "not_movable",
    };

    private static IEnumerable<(string Name, OnlineEstimate? Estimate)> Estimates(VariantMetrics variant) =>
    [
        ("accuracy", variant.Accuracy),
        ("roc_auc", variant.RocAuc),
        ("log_loss", variant.LogLoss),
        ("brier", variant.Brier),
        ("ece", variant.ExpectedCalibrationError),
        ("reward", variant.MeanReward),
    ];

    private Gauge GaugeNamed(string name) =>
        name == _predictions.Name ? _predictions : name == _labelled.Name ? _labelled : name == _metric.Name ? _metric : _decision;

    private sealed class LabelsComparer : IEqualityComparer<string[]>
    {
        public static readonly LabelsComparer Instance = new();

        public bool Equals(string[]? x, string[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(string[] obj)
        {
            var hash = default(HashCode);
            foreach (var part in obj)
            {
                hash.Add(part);
            }

            return hash.ToHashCode();
        }
    }
}
