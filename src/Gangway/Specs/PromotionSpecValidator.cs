using Gangway.Data;
using Gangway.Evaluation;

namespace Gangway.Specs;

/// <summary>Checks a spec's <c>promotion:</c> section: known metric names, sensible thresholds, declared columns.</summary>
internal static class PromotionSpecValidator
{
    public static void Validate(ModelSpec spec, PromotionSpec promotion)
    {
        if (string.IsNullOrWhiteSpace(promotion.Data))
        {
            throw Invalid("promotion.data must name the labelled data file the gates are measured on (relative to the spec file)");
        }

        if (promotion.Minimum.Count == 0 && promotion.NoRegression is null && promotion.Slices.Count == 0 && promotion.Fairness.Count == 0 && promotion.Beats is null && promotion.Upsell is null)
        {
            throw Invalid("promotion declares no gates; add at least one of minimum, no_regression, slices, fairness, beats or upsell");
        }

        Confidence("promotion.confidence", promotion.Confidence);
        Confidence("promotion.minimum.confidence", promotion.MinimumConfidence);
        if (promotion.MinimumConfidence is not null && promotion.Minimum.Count == 0)
        {
            throw Invalid("promotion.minimum gives a confidence but no metric threshold; add one, e.g. minimum: {roc_auc: 0.85, confidence: 0.95}");
        }

        Thresholds("promotion.minimum", promotion.Minimum);
        promotion.Upsell?.Validate(spec);
        if (promotion.Beats is { } beats)
        {
            Beats(spec, beats);
        }

        if (promotion.NoRegression is { } noRegression)
        {
            KnownMetric("promotion.no_regression.metric", noRegression.Metric);
            Confidence("promotion.no_regression.confidence", noRegression.Confidence);
            if (!double.IsFinite(noRegression.Tolerance) || noRegression.Tolerance < 0)
            {
                throw Invalid($"promotion.no_regression.tolerance must be a number of at least 0; got {Column.FormatNumber(noRegression.Tolerance)}");
            }
        }

        var columns = spec.Inputs.Select(c => c.Name).Concat(spec.IdColumns.Select(c => c.Name)).ToList();
        foreach (var (slice, i) in promotion.Slices.Select((s, i) => (s, i)))
        {
            var key = $"promotion.slices[{i}]";
            DeclaredColumn($"{key}.column", slice.Column, columns);
            if (slice.Minimum.Count == 0)
            {
                throw Invalid($"{key}.minimum must give at least one metric threshold for the groups of '{slice.Column}'");
            }

            Thresholds($"{key}.minimum", slice.Minimum);
            Confidence($"{key}.minimum.confidence", slice.Confidence);
        }

        foreach (var (fairness, i) in promotion.Fairness.Select((f, i) => (f, i)))
        {
            var key = $"promotion.fairness[{i}]";
            DeclaredColumn($"{key}.column", fairness.Column, columns);
            if (!PromotionSpec.FairnessMetrics.Contains(fairness.Metric, StringComparer.Ordinal))
            {
                throw Invalid($"{key}.metric '{fairness.Metric}' is not a group metric; known: {string.Join(", ", PromotionSpec.FairnessMetrics)}");
            }

            if (!double.IsFinite(fairness.MaxGap) || fairness.MaxGap is < 0 or > 1)
            {
                throw Invalid($"{key}.max_gap must be between 0 and 1; got {Column.FormatNumber(fairness.MaxGap)}");
            }
        }
    }

    /// <summary>True for the metrics where a smaller value is better (log_loss, brier): their threshold is a maximum.</summary>
    internal static bool LowerIsBetter(string metric) => metric is "log_loss" or "brier";

    /// <summary>The names a <c>beats</c> gate may list: the spec's rule baselines, <c>majority_class</c> and <c>champion</c>.</summary>
    internal static IReadOnlyList<string> BeatableNames(ModelSpec spec) =>
        [.. spec.Baselines.Select(b => b.Name), MajorityClassBaseline.DefaultName, BeatsGate.Champion];

    private static void Beats(ModelSpec spec, BeatsGate beats)
    {
        KnownMetric("promotion.beats.metric", beats.Metric);
        Confidence("promotion.beats.confidence", beats.Confidence);
        if (beats.Of.Count == 0)
        {
            throw Invalid($"promotion.beats must name at least one model to beat; known: {string.Join(", ", BeatableNames(spec))}");
        }

        var known = BeatableNames(spec);
        if (beats.Of.FirstOrDefault(name => !known.Contains(name, StringComparer.Ordinal)) is { } unknown)
        {
            throw Invalid($"promotion.beats names '{unknown}', which is neither a baseline of this spec nor 'champion'; known: {string.Join(", ", known)}");
        }

        if (beats.Of.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw Invalid($"promotion.beats lists '{repeated.Key}' twice");
        }
    }

    private static void Confidence(string key, double? confidence)
    {
        if (confidence is { } value && !(value is > 0 and < 1))
        {
            throw Invalid($"{key} must be a confidence level strictly between 0 and 1, e.g. 0.95; got {Column.FormatNumber(value)}");
        }
    }

    private static void Thresholds(string key, IReadOnlyList<MetricThreshold> thresholds)
    {
        foreach (var threshold in thresholds)
        {
            KnownMetric(key, threshold.Metric);
            var unbounded = threshold.Metric == "log_loss";
            if (!double.IsFinite(threshold.Value) || threshold.Value < 0 || (!unbounded && threshold.Value > 1))
            {
                throw Invalid($"{key}.{threshold.Metric} must be {(unbounded ? "a number of at least 0" : "between 0 and 1")}; got {Column.FormatNumber(threshold.Value)}");
            }
        }

        if (thresholds.GroupBy(t => t.Metric, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw Invalid($"{key} lists '{repeated.Key}' twice");
        }
    }

    private static void KnownMetric(string key, string metric)
    {
        if (!Metrics.Scalars.Any(s => s.Name == metric))
        {
            throw Invalid($"{key} names metric '{metric}', which is not known; known metrics: {string.Join(", ", Metrics.Scalars.Select(s => s.Name))}");
        }
    }

    private static void DeclaredColumn(string key, string column, IReadOnlyList<string> columns)
    {
        if (!columns.Contains(column, StringComparer.Ordinal))
        {
            throw Invalid($"{key} '{column}' is not an input or id column; declared columns: {NameList.Of(columns)}");
        }
    }

    private static GangwayException Invalid(string problem) =>
        new(ErrorKind.InvalidConfiguration, $"Spec: {problem}.");
}
