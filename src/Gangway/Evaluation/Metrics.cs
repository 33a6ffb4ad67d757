namespace Gangway.Evaluation;

/// <summary>
/// The metrics of a binary classifier on one set of rows: a whole evaluation set, one slice of it, a baseline or a fold.
/// Like scikit-learn's accuracy_score, precision_score, recall_score, f1_score, roc_auc_score, log_loss, brier_score_loss,
/// confusion_matrix and calibration_curve together. No value is ever NaN: an undefined ratio is 0 (scikit-learn's
/// <c>zero_division=0</c>) and an undefined AUC is <see langword="null"/>.
/// </summary>
/// <param name="Accuracy">The share of rows whose predicted class is the true class.</param>
/// <param name="Precision">Of the rows predicted positive, the share that are positive (0 when none is predicted positive).</param>
/// <param name="Recall">Of the positive rows, the share predicted positive (0 when there are no positive rows).</param>
/// <param name="F1">The harmonic mean of precision and recall (0 when both are 0).</param>
/// <param name="RocAuc">
/// The area under the ROC curve of the probabilities: the chance that a random positive row has a higher probability than a
/// random negative one, ties counting one half. <see langword="null"/> when only one class is present.
/// </param>
/// <param name="LogLoss">
/// The mean negative natural log (nats, as scikit-learn; ML.NET reports bits) of the probability given to the true class,
/// with probabilities clipped to [1e-15, 1 - 1e-15].
/// </param>
/// <param name="Brier">The mean squared difference between the probability and the outcome (1 positive, 0 negative).</param>
/// <param name="ConfusionMatrix">The counts of true/false positives/negatives and the label values they refer to.</param>
/// <param name="Calibration">Ten equal-width probability bins, lowest first; empty bins are left out.</param>
/// <param name="Rows">The number of rows evaluated.</param>
/// <param name="Positives">The number of rows whose true class is the positive class.</param>
public sealed record Metrics(
    double Accuracy,
    double Precision,
    double Recall,
    double F1,
    double? RocAuc,
    double LogLoss,
    double Brier,
    ConfusionMatrix ConfusionMatrix,
    IReadOnlyList<CalibrationBin> Calibration,
    int Rows,
    int Positives)
{
    /// <summary>
    /// The expected calibration error: over the bins of <see cref="Calibration"/>, the share of rows in the bin times the
    /// gap between the bin's mean probability and its observed positive rate, summed. 0 is perfectly calibrated (at this
    /// binning); 0 when there are no rows. Not one of <see cref="Scalars"/> (gates and tuning do not use it), but
    /// evaluation reports it with a bootstrap interval.
    /// </summary>
    public double ExpectedCalibrationError => CalibrationTable.ExpectedError(Calibration, Rows);

    /// <summary>The single-number metrics by their report name (as in JSON), in report order: what tables and summaries list.</summary>
    public static IReadOnlyList<(string Name, Func<Metrics, double?> Value)> Scalars { get; } =
    [
        ("accuracy", m => m.Accuracy),
        ("precision", m => m.Precision),
        ("recall", m => m.Recall),
        ("f1", m => m.F1),
        ("roc_auc", m => m.RocAuc),
        ("log_loss", m => m.LogLoss),
        ("brier", m => m.Brier),
    ];
}
