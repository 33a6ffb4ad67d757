namespace Gangway.OnlineEvaluation;

/// <summary>
/// The online metrics of one deployment variant against the outcomes fed back so far. A metric is
/// <see langword="null"/> when no record defines it (no labels yet, or one class only for ROC AUC). The intervals are
/// analytic so a million records cost well under a second: Wilson's for accuracy, DeLong's for ROC AUC, the normal
/// interval of a mean for log loss, Brier score and mean reward, and for the expected calibration error a bootstrap over
/// its ten bins (<see cref="OnlineMetricsOptions.CalibrationResamples"/>).
/// </summary>
/// <param name="Variant">The variant's name.</param>
/// <param name="IsShadow">Whether the variant is a shadow (scored on every record, never answering).</param>
/// <param name="Predictions">The number of predictions it made.</param>
/// <param name="Labelled">The number of those with a label fed back.</param>
/// <param name="Rewarded">The number of those with a reward fed back.</param>
/// <param name="Accuracy">The share of labelled predictions whose class is the label.</param>
/// <param name="RocAuc">The ROC AUC of the probabilities of labelled predictions.</param>
/// <param name="LogLoss">The mean log loss (nats) of labelled predictions with a probability.</param>
/// <param name="Brier">The mean Brier score of labelled predictions with a probability.</param>
/// <param name="ExpectedCalibrationError">The expected calibration error over ten equal-width bins.</param>
/// <param name="MeanReward">The mean reward of predictions with a reward.</param>
public sealed record VariantMetrics(
    string Variant,
    bool IsShadow,
    long Predictions,
    long Labelled,
    long Rewarded,
    OnlineEstimate? Accuracy,
    OnlineEstimate? RocAuc,
    OnlineEstimate? LogLoss,
    OnlineEstimate? Brier,
    OnlineEstimate? ExpectedCalibrationError,
    OnlineEstimate? MeanReward);
