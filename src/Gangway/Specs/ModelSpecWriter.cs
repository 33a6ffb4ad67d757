using System.Globalization;
using System.Text;
using Gangway.Data;

namespace Gangway.Specs;

/// <summary>Writes a <see cref="ModelSpec"/> as YAML that <see cref="ModelSpecReader"/> reads back to an equal spec.</summary>
public static class ModelSpecWriter
{
    /// <summary>The spec as YAML text.</summary>
    public static string Write(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var yaml = new StringBuilder();
        Line(yaml, 0, "name", spec.Name);
        if (spec.Description is not null)
        {
            Line(yaml, 0, "description", spec.Description);
        }

        if (spec.ContractPath is not null)
        {
            Line(yaml, 0, "schema", spec.ContractPath);
        }

        yaml.Append("target:\n");
        Line(yaml, 1, "column", spec.Target.Column);
        Line(yaml, 1, "positive", spec.Target.PositiveClass);
        Columns(yaml, "ids", spec.IdColumns);
        Columns(yaml, "inputs", spec.Inputs);
        if (spec.Features.Count > 0)
        {
            yaml.Append("features:\n");
            foreach (var step in spec.Features)
            {
                yaml.Append("  - step: ").Append(Quote(step.Name)).Append('\n');
                Arguments(yaml, 2, step.Arguments);
            }
        }

        yaml.Append("learner:\n");
        Line(yaml, 1, "type", spec.Learner.Name);
        Arguments(yaml, 1, spec.Learner.Arguments);
        if (spec.Calibration is { } calibration)
        {
            yaml.Append("calibration:\n");
            Line(yaml, 1, "method", calibration.Method.ToString().ToLowerInvariant());
            Line(yaml, 1, "folds", calibration.Folds.ToString(CultureInfo.InvariantCulture));
        }

        Line(yaml, 0, "seed", spec.Seed.ToString(CultureInfo.InvariantCulture));
        if (spec.Slices.Count > 0)
        {
            yaml.Append("slices: [").AppendJoin(", ", spec.Slices.Select(Quote)).Append("]\n");
        }

        if (spec.Baselines.Count > 0)
        {
            yaml.Append("baselines:\n");
            foreach (var baseline in spec.Baselines)
            {
                yaml.Append("  - name: ").Append(Quote(baseline.Name)).Append('\n');
                Line(yaml, 2, "column", baseline.Column);
                Line(yaml, 2, "equals", baseline.EqualsValue);
            }
        }

        if (spec.Upsell is { } upsell)
        {
            yaml.Append("upsell:\n");
            Line(yaml, 1, "column", upsell.Column);
            yaml.Append("  order: [").AppendJoin(", ", upsell.Order.Select(Quote)).Append("]\n");
            yaml.Append("  fields:").Append(upsell.Fields.Count == 0 ? " {}\n" : "\n");
            foreach (var field in upsell.Fields)
            {
                Line(yaml, 2, field.Column, field.Statistic.ToString().ToLowerInvariant());
            }

            yaml.Append("  threshold: ").Append(Number(upsell.Threshold)).Append('\n');
            if (upsell.Strata.Count > 0)
            {
                yaml.Append("  strata: [").AppendJoin(", ", upsell.Strata.Select(Quote)).Append("]\n");
            }

            if (upsell.Monotone)
            {
                yaml.Append("  monotone: true\n");
            }
        }

        if (spec.Promotion is { } promotion)
        {
            Promotion(yaml, promotion);
        }

        if (spec.Monitoring is { } monitoring)
        {
            Monitoring(yaml, monitoring);
        }

        return yaml.ToString();
    }

    private static void Promotion(StringBuilder yaml, PromotionSpec promotion)
    {
        yaml.Append("promotion:\n");
        Line(yaml, 1, "data", promotion.Data);
        if (promotion.Confidence is { } confidence)
        {
            yaml.Append("  confidence: ").Append(Number(confidence)).Append('\n');
        }

        if (promotion.Minimum.Count > 0)
        {
            yaml.Append("  minimum: ").Append(Thresholds(promotion.Minimum, promotion.MinimumConfidence)).Append('\n');
        }

        if (promotion.NoRegression is { } noRegression)
        {
            yaml.Append("  no_regression: {metric: ").Append(Quote(noRegression.Metric))
                .Append(", tolerance: ").Append(Number(noRegression.Tolerance))
                .Append(noRegression.Confidence is { } c ? $", confidence: {Number(c)}" : "").Append("}\n");
        }

        if (promotion.Beats is { } beats)
        {
            yaml.Append("  beats: {of: [").AppendJoin(", ", beats.Of.Select(Quote)).Append("], metric: ").Append(Quote(beats.Metric))
                .Append(beats.Confidence is { } c ? $", confidence: {Number(c)}" : "").Append("}\n");
        }

        if (promotion.Slices.Count > 0)
        {
            yaml.Append("  slices:\n");
            foreach (var slice in promotion.Slices)
            {
                yaml.Append("    - column: ").Append(Quote(slice.Column)).Append('\n');
                yaml.Append("      minimum: ").Append(Thresholds(slice.Minimum, slice.Confidence)).Append('\n');
            }
        }

        if (promotion.Fairness.Count > 0)
        {
            yaml.Append("  fairness:\n");
            foreach (var fairness in promotion.Fairness)
            {
                yaml.Append("    - column: ").Append(Quote(fairness.Column)).Append('\n');
                Line(yaml, 3, "metric", fairness.Metric);
                yaml.Append("      max_gap: ").Append(Number(fairness.MaxGap)).Append('\n');
            }
        }

        promotion.Upsell?.Write(yaml, Quote);
    }

    private static void Monitoring(StringBuilder yaml, MonitoringSpec monitoring)
    {
        yaml.Append("monitoring:").Append(monitoring.Drift is null ? " {}\n" : "\n");
        if (monitoring.Drift is not { } drift)
        {
            return;
        }

        yaml.Append("  drift:\n");
        yaml.Append("    share: ").Append(Number(drift.Share)).Append('\n');
        if (drift.Columns.Count > 0)
        {
            yaml.Append("    columns:\n");
            foreach (var (column, options) in drift.Columns)
            {
                var parts = new List<string>();
                if (options.Method is { } method)
                {
                    parts.Add($"method: {Quote(method)}");
                }

                if (options.Threshold is { } threshold)
                {
                    parts.Add($"threshold: {Number(threshold)}");
                }

                yaml.Append("      ").Append(Quote(column)).Append(": {").AppendJoin(", ", parts).Append("}\n");
            }
        }
    }

    private static string Thresholds(IReadOnlyList<MetricThreshold> thresholds, double? confidence) =>
        "{" + string.Join(", ", thresholds.Select(t => $"{Quote(t.Metric)}: {Number(t.Value)}")) + (confidence is { } c ? $", confidence: {Number(c)}" : "") + "}";

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static void Columns(StringBuilder yaml, string key, IReadOnlyList<InputColumnSpec> columns)
    {
        if (columns.Count == 0)
        {
            return;
        }

        yaml.Append(key).Append(":\n");
        foreach (var column in columns)
        {
            Line(yaml, 1, column.Name, column.Type == ColumnType.Numeric ? "numeric" : "text");
        }
    }

    private static void Arguments(StringBuilder yaml, int depth, IReadOnlyDictionary<string, object?> arguments)
    {
        foreach (var (key, value) in arguments)
        {
            yaml.Append(' ', depth * 2).Append(Quote(key)).Append(": ").Append(Flow(value)).Append('\n');
        }
    }

    private static string Flow(object? value) => value switch
    {
        null => "null",
        string s => Quote(s),
        IReadOnlyDictionary<string, object?> map => "{" + string.Join(", ", map.Select(e => $"{Quote(e.Key)}: {Flow(e.Value)}")) + "}",
        IEnumerable<object?> list => "[" + string.Join(", ", list.Select(Flow)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Quote(value.ToString() ?? ""),
    };

    private static void Line(StringBuilder yaml, int depth, string key, string value) =>
        yaml.Append(' ', depth * 2).Append(Quote(key)).Append(": ").Append(Quote(value)).Append('\n');

    // Double-quoted YAML scalars are JSON strings, so JSON escaping is a correct (if cautious) way to quote anything.
    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
