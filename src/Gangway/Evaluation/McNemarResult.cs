namespace Gangway.Evaluation;

/// <summary>
/// McNemar's test of two classifiers' accuracies on the same rows, from the rows only one of them gets right.
/// Like statsmodels' <c>mcnemar(table, exact=b+c &lt; 25, correction=True)</c>.
/// </summary>
/// <param name="Rows">The number of rows compared.</param>
/// <param name="OnlyFirstCorrect">The rows the first model classifies correctly and the second does not (b).</param>
/// <param name="OnlySecondCorrect">The rows the second model classifies correctly and the first does not (c).</param>
/// <param name="Difference">The second model's accuracy minus the first's: (c - b) / rows.</param>
/// <param name="StandardError">The Wald standard error of the paired difference: sqrt(b + c - (c - b)² / rows) / rows.</param>
/// <param name="Confidence">The confidence level of the interval, e.g. 0.95.</param>
/// <param name="Lower">The lower end of the Wald interval for the difference.</param>
/// <param name="Upper">The upper end of the Wald interval for the difference.</param>
/// <param name="Exact">
/// Whether <paramref name="PValue"/> is the exact binomial one (fewer than 25 discordant rows) rather than the chi-square
/// approximation with continuity correction.
/// </param>
/// <param name="PValue">The two-sided p-value of the hypothesis that the two accuracies are equal.</param>
public sealed record McNemarResult(
    int Rows,
    int OnlyFirstCorrect,
    int OnlySecondCorrect,
    double Difference,
    double StandardError,
    double Confidence,
    double Lower,
    double Upper,
    bool Exact,
    double PValue);
