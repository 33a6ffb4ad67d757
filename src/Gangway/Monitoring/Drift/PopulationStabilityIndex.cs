namespace Gangway.Monitoring.Drift;

/// <summary>
/// The Population Stability Index: Σ (c_i − r_i)·ln(c_i / r_i) over bins, r and c the reference's and the current
/// shares, an empty bin's share taken as 0.0001. Numeric columns use 10 reference-quantile bins, categorical ones their
/// categories (see <see cref="DriftBins"/>). Drift when ≥ 0.2: by the credit-scoring convention below 0.1 is stable and
/// 0.25 or more a major shift, so 0.2 flags the upper part of the "moderate" band.
/// </summary>
internal sealed class PopulationStabilityIndex : BinnedDriftTest
{
    private const double Epsilon = 0.0001;

    public override string Name => "psi";

    public override double DefaultThreshold => 0.2;

    protected override double Score((double[] Reference, double[] Current) bins)
    {
        var psi = 0.0;
        for (var i = 0; i < bins.Reference.Length; i++)
        {
            var r = Math.Max(bins.Reference[i], Epsilon);
            var c = Math.Max(bins.Current[i], Epsilon);
            psi += (c - r) * Math.Log(c / r);
        }

        return psi;
    }
}
