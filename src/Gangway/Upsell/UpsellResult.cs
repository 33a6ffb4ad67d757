namespace Gangway.Upsell;

/// <summary>What <see cref="UpsellCalculator.Evaluate"/> found for one row.</summary>
/// <param name="Row">The zero-based row of the evaluated table.</param>
/// <param name="CurrentTier">The row's own tier, as written in the spec's <c>upsell.order</c>.</param>
/// <param name="Tiers">
/// The row's current tier (scored as it is, the same probability a plain prediction gives) followed by every higher tier
/// (scored with the tier column and the upsell fields changed), lowest first.
/// </param>
/// <param name="BestUpgrade">The higher tier with the largest gain (the lowest of equal ones), or null in the top tier.</param>
/// <param name="Recommendation">
/// <paramref name="BestUpgrade"/> when its gain is positive and at least <paramref name="Threshold"/>, else null.
/// </param>
/// <param name="Threshold">The smallest gain that was required for a recommendation.</param>
public sealed record UpsellResult(
    int Row,
    string CurrentTier,
    IReadOnlyList<TierProbability> Tiers,
    TierProbability? BestUpgrade,
    TierProbability? Recommendation,
    double Threshold)
{
    /// <summary>The probability of the row as it is, in its current tier.</summary>
    public double CurrentProbability => Tiers[0].Probability;
}
