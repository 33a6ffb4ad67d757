using Gangway.Bundles;
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
    public static GateReport Evaluate(ModelBundle candidate, ModelBundle? current, Table labelledData, PromotionSpec spec, string? specDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(labelledData);
        ArgumentNullException.ThrowIfNull(spec);
        var groupColumns = spec.Slices.Select(s => s.Column).Concat(spec.Fairness.Select(f => f.Column)).Distinct(StringComparer.Ordinal).ToList();
        var report = BundleEvaluator.Evaluate(candidate, labelledData, groupColumns);
        var results = new List<GateResult>();
        results.AddRange(spec.Minimum.Select(t => Threshold(GateKind.Minimum, t.Metric, report.Overall, t)));
        if (spec.NoRegression is { } noRegression)
        {
            var currentReport = current is null ? null : BundleEvaluator.Evaluate(current, labelledData, sliceColumns: []);
            results.Add(NoRegression(noRegression, report.Overall, currentReport?.Overall));
        }

        foreach (var slice in spec.Slices)
        {
            foreach (var group in report.Slices.Where(s => s.Column == slice.Column))
            {
                results.AddRange(slice.Minimum.Select(t => Threshold(GateKind.Slice, $"{slice.Column}={group.Value} {t.Metric}", group.Metrics, t)));
            }
        }

        results.AddRange(spec.Fairness.Select(f => Fairness(f, report.Slices.Where(s => s.Column == f.Column))));
        if (spec.Upsell is { } upsell)
        {
            results.AddRange(UpsellGate.Evaluate(candidate, labelledData, upsell, specDirectory));
        }

        return new GateReport(results);
    }

    private static GateResult Threshold(GateKind kind, string subject, Metrics metrics, MetricThreshold threshold)
    {
        var atMost = PromotionSpecValidator.LowerIsBetter(threshold.Metric);
        var value = GateMetrics.Scalar(metrics, threshold.Metric);
        return new GateResult(kind, subject, value, threshold.Value, value is { } v && (atMost ? v <= threshold.Value : v >= threshold.Value))
        {
            AtMost = atMost,
            Note = value is null ? $"{GateMetrics.Undefined(threshold.Metric)} in {metrics.Rows} rows" : null,
        };
    }

    private static GateResult NoRegression(NoRegressionGate gate, Metrics candidate, Metrics? current)
    {
        var atMost = PromotionSpecValidator.LowerIsBetter(gate.Metric);
        var value = GateMetrics.Scalar(candidate, gate.Metric);
        if (current is null)
        {
            return new GateResult(GateKind.NoRegression, gate.Metric, value, null, true) { AtMost = atMost, Note = "skipped: no current version" };
        }

        var currentValue = GateMetrics.Scalar(current, gate.Metric);
        double? bound = currentValue is { } c ? (atMost ? c + gate.Tolerance : c - gate.Tolerance) : null;
        var passed = (value, bound) switch
        {
            (_, null) => true,
            ({ } v, { } b) => atMost ? v <= b : v >= b,
            _ => false,
        };
        return new GateResult(GateKind.NoRegression, gate.Metric, value, bound, passed)
        {
            AtMost = atMost,
            CurrentValue = currentValue,
            Note = currentValue is null ? "skipped: undefined for the current version" : value is null ? "undefined for the candidate" : null,
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
