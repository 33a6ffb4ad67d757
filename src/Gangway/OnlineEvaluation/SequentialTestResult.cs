namespace Gangway.OnlineEvaluation;

/// <summary>Where a <see cref="SequentialTest"/> stands after the records seen so far.</summary>
/// <param name="Paired">Whether the records were pairs (a shadow and the champion on the same answers).</param>
/// <param name="ChampionRecords">The champion's records (pairs, when paired).</param>
/// <param name="ChallengerRecords">The challenger's records (pairs, when paired).</param>
/// <param name="Difference">The challenger's mean minus the champion's; NaN before both have a record.</param>
/// <param name="Lower">
/// The lower end of the confidence sequence for the difference: the intersection of the intervals of every step so far,
/// valid at any number of looks. −∞ before the statistic is first evaluated.
/// </param>
/// <param name="Upper">The upper end of the confidence sequence; +∞ before the statistic is first evaluated.</param>
/// <param name="PValue">The always-valid p-value of "no difference": the smallest 1 / Λ so far, at most 1.</param>
/// <param name="Confidence">The confidence level of the sequence, 1 − α.</param>
public sealed record SequentialTestResult(
    bool Paired,
    long ChampionRecords,
    long ChallengerRecords,
    double Difference,
    double Lower,
    double Upper,
    double PValue,
    double Confidence)
{
    /// <summary>Whether "no difference" is rejected at 1 − <see cref="Confidence"/>: the p-value is at most α.</summary>
    public bool Rejected => PValue <= 1 - Confidence;
}
