namespace Gangway.Monitoring.Drift;

/// <summary>
/// The Jensen–Shannon distance: the square root of JS(P, Q) = ½·KL(P‖M) + ½·KL(Q‖M), M = (P + Q)/2, with base-2
/// logarithms, so it lies in [0, 1]. Over categories for a categorical column, over the same 10 reference-quantile
/// bins as PSI for a numeric one (see <see cref="DriftBins"/>). Like scipy's jensenshannon(p, q, base=2). Drift when ≥ 0.1.
/// </summary>
internal sealed class JensenShannonDistance : BinnedDriftTest
{
    public override string Name => "jensen_shannon";

    public override double DefaultThreshold => 0.1;

    protected override double Score((double[] Reference, double[] Current) bins)
    {
        var divergence = 0.0;
        for (var i = 0; i < bins.Reference.Length; i++)
        {
            double p = bins.Reference[i], q = bins.Current[i], m = (p + q) / 2;
            divergence += (p > 0 ? p * Math.Log2(p / m) : 0) / 2 + (q > 0 ? q * Math.Log2(q / m) : 0) / 2;
        }

        return Math.Clamp(Math.Sqrt(Math.Max(0, divergence)), 0, 1);
    }
}
