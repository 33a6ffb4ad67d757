namespace Gangway.Monitoring.Drift;

/// <summary>
/// The first Wasserstein (earth mover's) distance W1 = ∫|F_ref − F_cur| dx, divided by the reference's weighted
/// standard deviation so that it reads in reference spreads. A constant reference (standard deviation 0) is divided by
/// its absolute value instead, or by 1 when that is 0 too, and the statistic says so in its note. Drift when ≥ 0.1.
/// </summary>
internal sealed class WassersteinDistance : DriftTestBase
{
    public override string Name => "wasserstein";

    public override DriftThresholdKind ThresholdKind => DriftThresholdKind.ValueAtLeast;

    public override double DefaultThreshold => 0.1;

    public override bool Supports(DriftColumnKind kind) => kind == DriftColumnKind.Numeric;

    protected override DriftStatistic ComputeNumeric(NumericDistribution reference, NumericDistribution current)
    {
        var points = new SortedSet<double>();
        foreach (var x in reference.Values)
        {
            points.Add(x);
        }

        foreach (var x in current.Values)
        {
            points.Add(x);
        }

        var distance = 0.0;
        double? previous = null;
        var gap = 0.0;
        foreach (var x in points)
        {
            if (previous is { } start && gap > 0)
            {
                distance += gap * (x - start);
            }

            previous = x;
            gap = Math.Abs(reference.Cdf(x) - current.Cdf(x));
        }

        var (mean, deviation) = MeanAndDeviation(reference);
        if (deviation > 0)
        {
            return new DriftStatistic(Name, distance / deviation);
        }

        return Math.Abs(mean) > 0
            ? new DriftStatistic(Name, distance / Math.Abs(mean), null, "constant reference: divided by its absolute value")
            : new DriftStatistic(Name, distance, null, "constant reference at 0: not normalised");
    }

    private static (double Mean, double Deviation) MeanAndDeviation(NumericDistribution distribution)
    {
        var values = distribution.Values;
        var weights = distribution.Weights;
        var total = distribution.TotalWeight;
        var mean = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            mean += weights[i] * values[i] / total;
        }

        var variance = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            variance += weights[i] * (values[i] - mean) * (values[i] - mean) / total;
        }

        return (mean, Math.Sqrt(variance));
    }
}
