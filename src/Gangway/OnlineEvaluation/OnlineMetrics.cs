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
        var labelled = Enumerable.Range(0, records.Count).Where(i => records.Label[i] >= 0).ToArray();
        var correct = labelled.LongCount(i => records.Predicted[i] == (records.Label[i] == 1));
        var scored = labelled.Where(i => !double.IsNaN(records.Probability[i])).ToArray();
        bool[] actual = [.. scored.Select(i => records.Label[i] == 1)];
        double[] probability = [.. scored.Select(i => records.Probability[i])];
        OnlineEstimate? rocAuc = null, logLoss = null, brier = null, calibration = null;
        if (scored.Length > 0)
        {
            var metrics = MetricsCalculator.Compute(actual, probability, [.. scored.Select(i => records.Predicted[i])], options.PositiveLabel, options.NegativeLabel);
            rocAuc = metrics.RocAuc is { } auc ? new OnlineEstimate(auc, AnalyticIntervals.RocAuc(actual, probability, confidence)) : null;
            logLoss = new OnlineEstimate(metrics.LogLoss, MeanInterval(records, scored, DecisionMetric.LogLoss, confidence));
            brier = new OnlineEstimate(metrics.Brier, MeanInterval(records, scored, DecisionMetric.Brier, confidence));
            calibration = new OnlineEstimate(
                metrics.ExpectedCalibrationError,
                CalibrationErrorInterval.Compute(actual, probability, confidence, options.CalibrationResamples, options.Seed));
        }

        var rewarded = Enumerable.Range(0, records.Count).Where(i => !double.IsNaN(records.Reward[i])).ToArray();
        return new VariantMetrics(
            records.Name,
            records.IsShadow,
            records.Count,
            labelled.Length,
            rewarded.Length,
            labelled.Length == 0 ? null : new OnlineEstimate((double)correct / labelled.Length, AnalyticIntervals.Wilson(correct, labelled.Length, confidence)),
            rocAuc,
            logLoss,
            brier,
            calibration,
            rewarded.Length == 0 ? null : Mean(records, rewarded, DecisionMetric.Reward, confidence));
    }

    private static ConfidenceInterval? MeanInterval(VariantRecords records, int[] rows, DecisionMetric metric, double confidence) =>
        Mean(records, rows, metric, confidence).Interval;

    private static OnlineEstimate Mean(VariantRecords records, int[] rows, DecisionMetric metric, double confidence)
    {
        var moments = new RunningMoments();
        foreach (var row in rows)
        {
            moments.Add(records.Value(metric, row));
        }

        return new OnlineEstimate(moments.Mean, AnalyticIntervals.Mean(moments.Mean, moments.Variance, moments.Count, confidence));
    }
}
