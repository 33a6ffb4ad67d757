namespace Gangway.Evaluation;

/// <summary>Computes <see cref="Metrics"/> from true classes, probabilities and predicted classes of the same rows.</summary>
internal static class MetricsCalculator
{
    // scikit-learn's log_loss clip: keeps a confident mistake finite.
    private const double Epsilon = 1e-15;

    public static Metrics Compute(bool[] actual, double[] probability, bool[] predicted, string positiveLabel, string? negativeLabel)
    {
        int tp = 0, fp = 0, tn = 0, fn = 0;
        double logLoss = 0, brier = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            var (isPositive, p) = (actual[i], probability[i]);
            switch (isPositive, predicted[i])
            {
                case (true, true): tp++; break;
                case (false, true): fp++; break;
                case (false, false): tn++; break;
                case (true, false): fn++; break;
            }

            var clipped = Math.Clamp(p, Epsilon, 1 - Epsilon);
            logLoss -= Math.Log(isPositive ? clipped : 1 - clipped);
            var outcome = isPositive ? 1.0 : 0.0;
            brier += (p - outcome) * (p - outcome);
        }

        var rows = actual.Length;
        var precision = Ratio(tp, tp + fp);
        var recall = Ratio(tp, tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Metrics(
            Accuracy: Ratio(tp + tn, rows),
            Precision: precision,
            Recall: recall,
            F1: f1,
            RocAuc: RocAuc.Compute(actual, probability),
            LogLoss: rows == 0 ? 0 : logLoss / rows,
            Brier: rows == 0 ? 0 : brier / rows,
            ConfusionMatrix: new ConfusionMatrix(tp, fp, tn, fn, positiveLabel, negativeLabel),
            Calibration: CalibrationTable.Compute(actual, probability),
            Rows: rows,
            Positives: tp + fn);
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
