using Gangway.Data;
using Gangway.Evaluation;
using Gangway.Learners;
using Gangway.Scoring;
using Gangway.Specs;
using Gangway.Training;

namespace Gangway.Comparison;

/// <summary>
/// Compares two trained models on the same labelled rows: scores both (no refitting), computes every scalar metric of
/// each and the differences, DeLong's test for ROC AUC and McNemar's test for accuracy, and a verdict for each test.
/// </summary>
public static class ModelComparison
{
    /// <summary>Reads <paramref name="data"/> once per model (each with its own schema and data contract), scores and compares.</summary>
    /// <param name="first">Model A.</param>
    /// <param name="second">Model B; differences are B - A.</param>
    /// <param name="data">Labelled rows neither model was trained on.</param>
    /// <param name="confidence">The confidence level of the intervals and verdicts, strictly between 0 and 1.</param>
    /// <param name="warnings">Where data-contract warnings go.</param>
    /// <param name="resamples">
    /// Stratified bootstrap resamples for the paired interval of every difference (default 1,000; at least 10), or 0 for
    /// none: metrics without a classic test then get no verdict.
    /// </param>
    /// <param name="seed">The seed of the resamples; <see langword="null"/> (the default) for model A's spec seed.</param>
    /// <exception cref="GangwayException">
    /// The models predict different targets or positive classes, the data lacks a column a model needs or breaks its
    /// contract (the message names the model), the confidence is outside (0, 1), or there are 1 to 9 resamples.
    /// </exception>
    public static ComparisonReport Compare(
        ComparedModel first,
        ComparedModel second,
        ITableSource data,
        double confidence = 0.95,
        IProgress<string>? warnings = null,
        int resamples = BootstrapOptions.DefaultResamples,
        int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentNullException.ThrowIfNull(data);
        if (!(confidence is > 0 and < 1))
        {
            throw new GangwayException(
                ErrorKind.InvalidConfiguration,
                $"The confidence must be between 0 and 1 (exclusive); got {confidence.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        }

        var (specA, specB) = (Spec(first), Spec(second));
        var bootstrap = resamples == 0 ? null : new BootstrapOptions { Resamples = resamples, Confidence = confidence, Seed = seed ?? specA.Seed }.Validated();
        RequireSameTarget(first, specA, second, specB);
        var a = Score(first, specA, data, warnings);
        var b = Score(second, specB, data, warnings);
        if (!a.Actual.SequenceEqual(b.Actual))
        {
            throw new GangwayException(
                ErrorKind.InvalidInput,
                $"Models '{first.Label}' and '{second.Label}' must be compared on the same rows; reading {data.Description} gave {a.Count} and {b.Count} rows with different labels.");
        }

        var all = Enumerable.Range(0, a.Count).ToArray();
        var (metricsA, metricsB) = (a.Evaluate(all), b.Evaluate(all));
        var (delong, mcnemar) = PairedComparison.Tests(a, b, confidence);
        var intervals = bootstrap is null ? null : Differences(a, b, bootstrap);
        var metrics = Evaluation.Metrics.Scalars
            .Select(m => PairedComparison.Row(
                m.Name, m.Value(metricsA), m.Value(metricsB), first.Label, second.Label, delong, mcnemar, intervals?.Intervals.GetValueOrDefault(m.Name), confidence))
            .ToArray();
        return new ComparisonReport(first.Label, second.Label, first.Bundle.Schema.Target, a.Count, confidence, metrics, delong, mcnemar)
        {
            Resamples = bootstrap?.Resamples ?? 0,
            Seed = bootstrap?.Seed,
        };
    }

    /// <summary>The paired bootstrap intervals of every metric's difference (second - first): both columns see the same resamples.</summary>
    internal static MetricIntervals Differences(ScoredRows first, ScoredRows second, BootstrapOptions bootstrap)
    {
        var replicates = BootstrapIntervals.Replicates(first.Actual, [(first.Probability, first.Predicted), (second.Probability, second.Predicted)], [], 1, bootstrap);
        return BootstrapIntervals.Differences(replicates[0], replicates[1], 1, bootstrap);
    }

    private static ModelSpec Spec(ComparedModel model) =>
        ModelSpecReader.Parse(model.Bundle.SpecText, $"{model.Bundle.Name} (spec stored in the bundle)", contract: model.Bundle.Contract);

    private static void RequireSameTarget(ComparedModel first, ModelSpec specA, ComparedModel second, ModelSpec specB)
    {
        var (targetA, targetB) = (first.Bundle.Schema.Target, second.Bundle.Schema.Target);
        if (targetA != targetB || specA.Target.PositiveClass != specB.Target.PositiveClass)
        {
            throw new GangwayException(
                ErrorKind.InvalidInput,
                $"Models must predict the same target to be compared; '{first.Label}' predicts '{targetA}' = '{specA.Target.PositiveClass}', "
                + $"'{second.Label}' predicts '{targetB}' = '{specB.Target.PositiveClass}'.");
        }
    }

    private static ScoredRows Score(ComparedModel model, ModelSpec spec, ITableSource data, IProgress<string>? warnings)
    {
        try
        {
            var read = TableScorer.ReadAndScore(model.Bundle.Model, data, SpecData.ReadOptions(model.Bundle.Schema, includeTarget: true));
            BundleEvaluator.CheckContract(model.Bundle, read.Data, "The comparison data", warnings);
            return SpecData.AtLines(read.Data.Lines, () =>
            {
                read.Data.Table.RequireRows($"compare '{model.Label}'");
                return ScoredRows.Read(read.Scored(), new BinaryClassificationEvaluatorOptions
                {
                    LabelColumn = model.Bundle.Schema.Target,
                    PositiveClass = spec.Target.PositiveClass,
                });
            });
        }
        catch (GangwayException ex)
        {
            // Either model may be the one the data does not fit; say which.
            throw new GangwayException(ex.Kind, $"Model '{model.Label}': {ex.Message}", ex);
        }
    }
}
