namespace Gangway.Evaluation;

/// <summary>
/// DeLong's test of two correlated ROC AUCs measured on the same rows: the areas, their difference (second minus first)
/// with its standard error and a normal confidence interval, and the two-sided test of "no difference".
/// Like pROC's <c>roc.test(method = "delong", paired = TRUE)</c>.
/// </summary>
/// <param name="First">The ROC AUC of the first model.</param>
/// <param name="Second">The ROC AUC of the second model.</param>
/// <param name="Difference"><paramref name="Second"/> minus <paramref name="First"/>.</param>
/// <param name="StandardError">DeLong's standard error of the difference (0 when the two models rank every pair alike).</param>
/// <param name="Confidence">The confidence level of the interval, e.g. 0.95.</param>
/// <param name="Lower">The lower end of the interval for the difference.</param>
/// <param name="Upper">The upper end of the interval for the difference.</param>
/// <param name="Z">
/// The difference over its standard error; 0 when both are 0, <see langword="null"/> when the standard error is 0 but the
/// difference is not (the test is then certain: <paramref name="PValue"/> is 0).
/// </param>
/// <param name="PValue">The two-sided p-value of the hypothesis that the two AUCs are equal.</param>
public sealed record DeLongResult(
    double First,
    double Second,
    double Difference,
    double StandardError,
    double Confidence,
    double Lower,
    double Upper,
    double? Z,
    double PValue);
