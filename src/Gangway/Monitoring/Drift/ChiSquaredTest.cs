using MathNet.Numerics.Distributions;

namespace Gangway.Monitoring.Drift;

/// <summary>
/// Pearson's χ² goodness of fit of the current counts against the reference proportions: Σ (O − E)²/E over the
/// reference's categories, E = reference share × current count, with categories the reference never saw (or did not
/// itemise) pooled into one bin whose expectation is the reference's other categories (and, when the current side is a
/// sketch with other categories of its own, the reference categories it does not itemise). Current values in a bin the
/// reference never had give χ² = ∞ and p = 0. Missing values are left out (their rate is reported apart). p-value
/// from χ² with (bins − 1) degrees of freedom; like scipy's chisquare(f_obs, f_exp). Drift when p &lt; 0.05.
/// </summary>
internal sealed class ChiSquaredTest : DriftTestBase
{
    public override string Name => "chi2";

    public override DriftThresholdKind ThresholdKind => DriftThresholdKind.PValueBelow;

    public override double DefaultThreshold => 0.05;

    public override bool Supports(DriftColumnKind kind) => kind == DriftColumnKind.Categorical;

    protected override DriftStatistic ComputeCategorical(CategoryDistribution reference, CategoryDistribution current)
    {
        var observed = new List<double>();
        var expected = new List<double>();
        var pooledReference = reference.OtherCount;
        foreach (var (category, count) in reference.Counts.Where(c => c.Value > 0))
        {
            // A sketched current side may hold this category in its other count: compare it within the pooled bin.
            if (current.OtherCount > 0 && !current.Counts.ContainsKey(category))
            {
                pooledReference += count;
                continue;
            }

            observed.Add(current.Counts.GetValueOrDefault(category));
            expected.Add(count / reference.Total * current.Total);
        }

        var pooledObserved = current.OtherCount + current.Counts.Where(c => !(reference.Counts.GetValueOrDefault(c.Key) > 0)).Sum(c => c.Value);
        observed.Add(pooledObserved);
        expected.Add(pooledReference / reference.Total * current.Total);

        var chi2 = 0.0;
        var bins = 0;
        for (var i = 0; i < observed.Count; i++)
        {
            if (expected[i] > 0)
            {
                chi2 += (observed[i] - expected[i]) * (observed[i] - expected[i]) / expected[i];
                bins++;
            }
            else if (observed[i] > 0)
            {
                return new DriftStatistic(Name, double.PositiveInfinity, 0, "values in categories the reference never had");
            }
        }

        return bins < 2
            ? new DriftStatistic(Name, 0, 1, "the reference has a single category")
            : new DriftStatistic(Name, chi2, Math.Clamp(1 - ChiSquared.CDF(bins - 1, chi2), 0, 1));
    }
}
