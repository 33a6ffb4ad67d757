using Gangway.Evaluation;

namespace Gangway.OnlineEvaluation;

/// <summary>
/// The online metrics of every deployment variant, shadows included, from logged predictions joined with the outcomes fed
/// back for them. A shadow's records carry the outcomes of the answers they shadow, so every variant is scored against
/// the same outcomes. Pure computation: a host reads the records, this counts. Metric values come from the same code as
/// <c>gangway evaluate</c> (<see cref="Metrics"/>); see <see cref="VariantMetrics"/> for the intervals.
/// </summary>
public static class OnlineMetrics
{
    /// <summary>The metrics per variant: served variants first, then shadows, each group by name.</summary>
    /// <param name="observations">The joined records, in any order.</param>
    /// <param name="options">Labels, confidence and seed; defaults when <see langword="null"/>.</param>
    /// <exception cref="GangwayException">
    /// The options are invalid, or a record's label or (labelled) prediction is neither class, its probability is outside
    /// [0, 1], or its reward is not finite; the message names the record, the field, the rule and the value.
    /// </exception>
    public static IReadOnlyList<VariantMetrics> Compute(IEnumerable<OnlineObservation> observations, OnlineMetricsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(observations);
        options = (options ?? new OnlineMetricsOptions()).Validated();
        var reader = new VariantRecordsReader(options);
        foreach (var observation in observations)
        {
            reader.Add(observation);
        }

        return [.. reader.Build().Select(v => Of(v, options))];
    }

    internal static VariantMetrics Of(VariantRecords records, OnlineMetricsOptions options)
    {
        var confidence = options.Confidence;
        var (labelled, scored, rewarded) = (new List<int>(), new List<int>(), new List<int>());
        long correct = 0;
        for (var i = 0; i < records.Count; i++)
        {
            if (records.Label[i] >= 0)
            {
                labelled.Add(i);
                correct += records.Predicted[i] == (records.Label[i] == 1) ? 1 : 0;
                if (!double.IsNaN(records.Probability[i]))
                {
                    scored.Add(i);
                }
            }

            if (!double.IsNaN(records.Reward[i]))
            {
                rewarded.Add(i);
            }
        }

        var actual = new bool[scored.Count];
        var probability = new double[scored.Count];
        var predicted = new bool[scored.Count];
        for (var k = 0; k < scored.Count; k++)
        {
            (actual[k], probability[k], predicted[k]) = (records.Label[scored[k]] == 1, records.Probability[scored[k]], records.Predicted[scored[k]]);
        }

        OnlineEstimate? rocAuc = null, logLoss = null, brier = null, calibration = null;
        if (scored.Count > 0)
        {
            var metrics = MetricsCalculator.Compute(actual, probability, predicted, options.PositiveLabel, options.NegativeLabel);
            rocAuc = metrics.RocAuc is { } auc ? new OnlineEstimate(auc, AnalyticIntervals.RocAuc(actual, probability, confidence)) : null;
            logLoss = new OnlineEstimate(metrics.LogLoss, MeanInterval(records, scored, DecisionMetric.LogLoss, confidence));
            brier = new OnlineEstimate(metrics.Brier, MeanInterval(records, scored, DecisionMetric.Brier, confidence));
            calibration = new OnlineEstimate(
                metrics.ExpectedCalibrationError,
                CalibrationErrorInterval.Compute(actual, probability, confidence, options.CalibrationResamples, options.Seed));
        }

        return new VariantMetrics(
            records.Name,
            records.IsShadow,
            records.Predictions,
            labelled.Count,
            rewarded.Count,
            labelled.Count == 0 ? null : new OnlineEstimate((double)correct / labelled.Count, AnalyticIntervals.Wilson(correct, labelled.Count, confidence)),
            rocAuc,
            logLoss,
            brier,
            calibration,
            rewarded.Count == 0 ? null : Mean(records, rewarded, DecisionMetric.Reward, confidence));
    }

    private static ConfidenceInterval? MeanInterval(VariantRecords records, IReadOnlyList<int> rows, DecisionMetric metric, double confidence) =>
        Mean(records, rows, metric, confidence).Interval;

    private static OnlineEstimate Mean(VariantRecords records, IReadOnlyList<int> rows, DecisionMetric metric, double confidence)
    {
        var moments = new RunningMoments();
        foreach (var row in rows)
        {
            moments.Add(records.Value(metric, row));
        }

        return new OnlineEstimate(moments.Mean, AnalyticIntervals.Mean(moments.Mean, moments.Variance, moments.Count, confidence));
    }
}
