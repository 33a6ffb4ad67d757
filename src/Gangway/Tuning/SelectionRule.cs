namespace Gangway.Tuning;

/// <summary>How a tuning search chooses its candidate from the cross-validated scores.</summary>
public enum SelectionRule
{
    /// <summary>The best mean of the tuned metric (ties go to the earlier candidate), like scikit-learn's <c>best_params_</c>.</summary>
    Best,

    /// <summary>
    /// The one-standard-error rule (Breiman et al. 1984; Hastie, Tibshirani and Friedman, ESL 7.10): the simplest
    /// candidate whose mean is within one standard error of the best mean, the standard error being the best
    /// candidate's corrected one (<see cref="Evaluation.MetricSummary.StandardError"/>).
    /// </summary>
    OneStandardError,
}
