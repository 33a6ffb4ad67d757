namespace Gangway.Upsell;

/// <summary>The modelled probability of the positive class for one row placed in one tier.</summary>
/// <param name="Tier">The tier, as written in the spec's <c>upsell.order</c>.</param>
/// <param name="Probability">The model's probability of the positive class in that tier, in [0, 1].</param>
/// <param name="Gain">
/// <paramref name="Probability"/> minus the probability of the row as it is (0 for its current tier); negative when the
/// model expects the tier to do worse.
/// </param>
public sealed record TierProbability(string Tier, double Probability, double Gain);
