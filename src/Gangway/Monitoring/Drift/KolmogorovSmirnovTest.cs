namespace Gangway.Monitoring.Drift;

/// <summary>
/// The two-sample Kolmogorov–Smirnov test on weighted CDFs: D = max over all points of |F_ref − F_cur|, p-value
/// Q(sqrt(n·m/(n+m))·D) from the asymptotic Kolmogorov distribution, n and m the total weights. Like scipy's
/// ks_2samp(method='asymp'). Drift when p &lt; 0.05.
/// </summary>
internal sealed class KolmogorovSmirnovTest : DriftTestBase
{
    public override string Name => "ks";

    public override DriftThresholdKind ThresholdKind => DriftThresholdKind.PValueBelow;

    public override double DefaultThreshold => 0.05;

    public override bool Supports(DriftColumnKind kind) => kind == DriftColumnKind.Numeric;

    protected override DriftStatistic ComputeNumeric(NumericDistribution reference, NumericDistribution current)
    {
        var d = Math.Max(LargestGap(reference, current, reference.Values), LargestGap(reference, current, current.Values));
        double n = reference.TotalWeight, m = current.TotalWeight;
        var effective = n * m / (n + m);
        return new DriftStatistic(Name, d, KolmogorovDistribution.Survival(Math.Sqrt(effective) * d));
    }

    // Both CDFs are right-continuous steps, so the largest gap is at one of the points where either jumps.
    private static double LargestGap(NumericDistribution reference, NumericDistribution current, ReadOnlySpan<double> points)
    {
        var largest = 0.0;
        foreach (var x in points)
        {
            largest = Math.Max(largest, Math.Abs(reference.Cdf(x) - current.Cdf(x)));
        }

        return largest;
    }
}
