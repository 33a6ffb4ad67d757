using Gangway.Bundles;
using Gangway.Comparison;
using Gangway.Data;
using Gangway.Evaluation;
using Gangway.Specs;
using Gangway.Training;

namespace Gangway.Promotion;

/// <summary>
/// Decides whether a candidate version may replace the current one: scores both on the same labelled data (no refitting)
/// and checks the gates of a spec's <c>promotion:</c> section. Stateless and thread-safe.
/// </summary>
public static class PromotionGates
{
    /// <summary>Evaluates every gate of <paramref name="spec"/>, in the order declared.</summary>
    /// <param name="candidate">The version to promote.</param>
    /// <param name="current">The version now in use, or null when there is none (no_regression is then skipped and passes).</param>
    /// <param name="labelledData">Labelled data with the columns both versions read (see <see cref="PromotionData.Read"/>).</param>
    /// <param name="spec">The gates, usually the candidate spec's <see cref="ModelSpec.Promotion"/>.</param>
    /// <exception cref="GangwayException">The data lacks a column or a label, or a gate names an unknown metric.</exception>
    /// <param name="specDirectory">Where a gate's own <c>data</c> (the upsell gate's) is resolved from; default the working directory.</param>
    /// <param name="dataDirectory">Where else a gate's own <c>data</c> is looked for when it is not under <paramref name="specDirectory"/>: the folder of promotion data given explicitly, or null.</param>
    public static GateReport Evaluate(ModelBundle candidate, ModelBundle? current, Table labelledData, PromotionSpec spec, string? specDirectory = null, string? dataDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(labelledData);
        ArgumentNullException.ThrowIfNull(spec);
        var groupColumns = spec.Slices.Select(s => s.Column).Concat(spec.Fairness.Select(f => f.Column)).Distinct(StringComparer.Ordinal).ToList();
        var evidence = new GateEvidence(candidate, current, labelledData, groupColumns);
        var report = evidence.Report;
        var results = new List<GateResult>();
        var minimumConfidence = spec.ConfidenceFor(spec.MinimumConfidence);
        var overallIntervals = minimumConfidence is { } level ? evidence.WithIntervals(level).Intervals : null;
        results.AddRange(spec.Minimum.Select(t => Threshold(GateKind.Minimum, t.Metric, report.Overall, t, overallIntervals)));
        if (spec.NoRegression is { } noRegression)
        {
            var currentReport = current is null ? null : BundleEvaluator.Evaluate(current, labelledData, sliceColumns: []);
            var confidence = spec.ConfidenceFor(noRegression.Confidence);
            var differences = confidence is { } c && current is not null ? evidence.Differences(BeatsGate.Champion, c) : null;
            results.Add(NoRegression(noRegression, report.Overall, currentReport?.Overall, differences));
        }

        foreach (var slice in spec.Slices)
        {
            var sliceConfidence = spec.ConfidenceFor(slice.Confidence);
            var groups = sliceConfidence is { } c ? evidence.WithIntervals(c).Slices : report.Slices;
            foreach (var group in groups.Where(s => s.Column == slice.Column))
            {
                var intervals = sliceConfidence is { } sliceLevel ? group.Intervals ?? new MetricIntervals(sliceLevel, new Dictionary<string, ConfidenceInterval>(), null) : null;
                results.AddRange(slice.Minimum.Select(t => Threshold(GateKind.Slice, $"{slice.Column}={group.Value} {t.Metric}", group.Metrics, t, intervals)));
            }
        }

        results.AddRange(spec.Fairness.Select(f => Fairness(f, report.Slices.Where(s => s.Column == f.Column))));
        if (spec.Upsell is { } upsell)
        {
            results.AddRange(UpsellGate.Evaluate(candidate, labelledData, upsell, specDirectory, dataDirectory));
        }

        if (spec.Beats is { } beats)
        {
            var confidence = spec.ConfidenceFor(beats.Confidence) ?? BeatsGate.DefaultConfidence;
            results.AddRange(beats.Of.Select(name => Beats(evidence, name, beats.Metric, confidence)));
        }

        return new GateReport(results);
    }

    // With intervals, a threshold must be cleared by the interval's worse end (the lower bound, the upper for log_loss and
    // brier): the interval evaluate prints at that confidence, so the check can be redone by hand.
    private static GateResult Threshold(GateKind kind, string subject, Metrics metrics, MetricThreshold threshold, MetricIntervals? intervals)
    {
        var atMost = PromotionSpecValidator.LowerIsBetter(threshold.Metric);
        var value = GateMetrics.Scalar(metrics, threshold.Metric);
        if (intervals is null)
        {
            return new GateResult(kind, subject, value, threshold.Value, value is { } v && (atMost ? v <= threshold.Value : v >= threshold.Value))
            {
                AtMost = atMost,
                Note = value is null ? $"{GateMetrics.Undefined(threshold.Metric)} in {metrics.Rows} rows" : null,
            };
        }

        var interval = intervals.Intervals.GetValueOrDefault(threshold.Metric);
        var passed = value is not null && interval is { } i && (atMost ? i.Upper <= threshold.Value : i.Lower >= threshold.Value);
        return new GateResult(kind, subject, value, threshold.Value, passed)
        {
            AtMost = atMost,
            Confidence = intervals.Confidence,
            Interval = interval,
            Test = interval is null ? null : "bootstrap",
            Note = value is null
                ? $"{GateMetrics.Undefined(threshold.Metric)} in {metrics.Rows} rows"
                : interval is null ? $"no interval: {intervals.Note ?? $"{threshold.Metric} undefined in most resamples"}; a gate with a confidence level cannot pass without one" : null,
        };
    }

    // With a confidence level, no_regression fails only when the paired interval of candidate - current lies entirely on the
    // worse side of the tolerance: upper bound < -tolerance (lower bound > +tolerance for log_loss and brier).
    private static GateResult NoRegression(NoRegressionGate gate, Metrics candidate, Metrics? current, MetricIntervals? differences)
    {
        var atMost = PromotionSpecValidator.LowerIsBetter(gate.Metric);
        var value = GateMetrics.Scalar(candidate, gate.Metric);
        if (current is null)
        {
            return new GateResult(GateKind.NoRegression, gate.Metric, value, null, true) { AtMost = atMost, Note = "skipped: no current version" };
        }

        var currentValue = GateMetrics.Scalar(current, gate.Metric);
        double? bound = currentValue is { } c ? (atMost ? c + gate.Tolerance : c - gate.Tolerance) : null;
        var interval = differences?.Intervals.GetValueOrDefault(gate.Metric);
        var passed = (value, bound) switch
        {
            (_, null) => true,
            ({ }, { }) when differences is not null => interval is null || (atMost ? interval.Lower <= gate.Tolerance : interval.Upper >= -gate.Tolerance),
            ({ } v, { } b) => atMost ? v <= b : v >= b,
            _ => false,
        };
        return new GateResult(GateKind.NoRegression, gate.Metric, value, bound, passed)
        {
            AtMost = atMost,
            CurrentValue = currentValue,
            Confidence = differences?.Confidence,
            Interval = interval,
            Difference = value - currentValue,
            Test = interval is null ? null : "paired bootstrap",
            Note = currentValue is null ? "skipped: undefined for the current version"
                : value is null ? "undefined for the candidate"
                : differences is not null && interval is null ? "no interval (undefined in most resamples): not shown to be worse" : null,
        };
    }

    // The candidate beats a model when the paired comparison finds it better at the confidence level, exactly as
    // 'gangway compare --model <that> --model <candidate>' would say "candidate is better".
    private static GateResult Beats(GateEvidence evidence, string name, string metric, double confidence)
    {
        var atMost = PromotionSpecValidator.LowerIsBetter(metric);
        if (name == BeatsGate.Champion && !evidence.HasCurrent)
        {
            return new GateResult(GateKind.Beats, $"{name} {metric}", GateMetrics.Scalar(evidence.Report.Overall, metric), null, true)
            {
                AtMost = atMost,
                Reference = name,
                Confidence = confidence,
                Note = "skipped: no current version",
            };
        }

        var comparison = evidence.Compare(name, metric, confidence, bootstrap: metric is not ("roc_auc" or "accuracy"));
        var interval = comparison.TestInterval ?? comparison.Interval;
        return new GateResult(GateKind.Beats, $"{name} {metric}", comparison.Second, null, comparison.Outcome == ComparisonOutcome.SecondBetter)
        {
            AtMost = atMost,
            Reference = name,
            CurrentValue = comparison.First,
            Confidence = confidence,
            Interval = interval,
            Difference = comparison.Difference,
            Test = comparison.Test ?? (interval is null ? null : "paired bootstrap"),
            PValue = comparison.PValue,
            Note = comparison.Outcome switch
            {
                ComparisonOutcome.NotJudged => $"{metric} undefined for {(comparison.First is null ? name : "the candidate")} or in most resamples",
                ComparisonOutcome.FirstBetter => $"{name} is better",
                ComparisonOutcome.NoDetectableDifference => "no detectable difference",
                _ => null,
            },
        };
    }

    private static GateResult Fairness(FairnessGate gate, IEnumerable<SliceMetrics> groups)
    {
        var values = groups.Select(g => new GroupValue(g.Value, GateMetrics.Group(g.Metrics, gate.Metric), g.Metrics.Rows)).ToList();
        var defined = values.Where(g => g.Value is not null).Select(g => g.Value!.Value).ToList();
        var gap = defined.Count < 2 ? 0 : defined.Max() - defined.Min();
        var left = values.Where(g => g.Value is null).Select(g => g.Group).ToList();
        var note = defined.Count < 2
            ? "fewer than two groups to compare"
            : left.Count > 0 ? $"not compared ({GateMetrics.Undefined(gate.Metric)}): {string.Join(", ", left)}" : null;
        return new GateResult(GateKind.Fairness, $"{gate.Column} {gate.Metric}", gap, gate.MaxGap, gap <= gate.MaxGap)
        {
            AtMost = true,
            Groups = values,
            Note = note,
        };
    }
}
