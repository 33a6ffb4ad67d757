namespace Gangway.Evaluation;

/// <summary>
/// One bin of a calibration table (a reliability diagram), like one point of scikit-learn's calibration_curve with
/// <c>n_bins=10, strategy='uniform'</c>. A bin holds probabilities from <see cref="Lower"/> (inclusive) to
/// <see cref="Upper"/> (exclusive; the last bin includes 1).
/// </summary>
/// <param name="Lower">The lowest probability of the bin.</param>
/// <param name="Upper">The probability where the next bin starts.</param>
/// <param name="Count">The number of rows whose probability falls in the bin (at least 1).</param>
/// <param name="MeanPredicted">The mean probability of those rows.</param>
/// <param name="ObservedRate">The share of those rows that are positive.</param>
public sealed record CalibrationBin(double Lower, double Upper, int Count, double MeanPredicted, double ObservedRate);
