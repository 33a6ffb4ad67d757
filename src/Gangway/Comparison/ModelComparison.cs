using Gangway.Data;
using Gangway.Evaluation;
using Gangway.Learners;
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
    /// <exception cref="GangwayException">
    /// The models predict different targets or positive classes, the data lacks a column a model needs or breaks its
    /// contract (the message names the model), or the confidence is outside (0, 1).
    /// </exception>
    public static ComparisonReport Compare(ComparedModel first, ComparedModel second, ITableSource data, double confidence = 0.95, IProgress<string>? warnings = null)
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
        var positives = metricsA.Positives;
        var delong = positives >= 2 && a.Count - positives >= 2 ? DeLongTest.Compare(a.Actual, a.Probability, b.Probability, confidence) : null;
        var mcnemar = McNemarTest.Compare(Correct(a), Correct(b), confidence);
        var metrics = Evaluation.Metrics.Scalars
            .Select(m => Row(m.Name, m.Value(metricsA), m.Value(metricsB), first.Label, second.Label, delong, mcnemar))
            .ToArray();
        return new ComparisonReport(first.Label, second.Label, first.Bundle.Schema.Target, a.Count, confidence, metrics, delong, mcnemar);
    }

    private static MetricComparison Row(string name, double? valueA, double? valueB, string labelA, string labelB, DeLongResult? delong, McNemarResult mcnemar)
    {
        var difference = valueA is { } x && valueB is { } y ? y - x : (double?)null;
        (string Test, double P, double Lower, double Upper, double Confidence)? test = name switch
        {
            "roc_auc" when delong is not null => ("delong", delong.PValue, delong.Lower, delong.Upper, delong.Confidence),
            "accuracy" => ("mcnemar", mcnemar.PValue, mcnemar.Lower, mcnemar.Upper, mcnemar.Confidence),
            _ => null,
        };
        if (test is not { } t || difference is not { } d)
        {
            return new MetricComparison(name, valueA, valueB, difference, null, null, null, null, null);
        }

        var verdict = Verdict.For(name, labelA, labelB, d, t.Lower, t.Upper, t.P, t.Confidence);
        return new MetricComparison(name, valueA, valueB, d, t.Test, t.P, t.Lower, t.Upper, verdict);
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
            var labelled = SpecData.ReadLabelledWithLines(model.Bundle.Schema, data);
            BundleEvaluator.CheckContract(model.Bundle, labelled, "The comparison data", warnings);
            return SpecData.AtLines(labelled.Lines, () =>
            {
                labelled.Table.RequireRows($"compare '{model.Label}'");
                var output = model.Bundle.Model.Transform(labelled.Table);
                var scored = labelled.Table.With(output[PredictionColumns.Probability], output[PredictionColumns.Prediction]);
                return ScoredRows.Read(scored, new BinaryClassificationEvaluatorOptions
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

    private static bool[] Correct(ScoredRows rows) => [.. Enumerable.Range(0, rows.Count).Select(i => rows.Actual[i] == rows.Predicted[i])];
}
