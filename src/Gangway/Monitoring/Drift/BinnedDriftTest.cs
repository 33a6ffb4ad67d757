namespace Gangway.Monitoring.Drift;

/// <summary>
/// A drift test computed from the two sides' shares per bin (<see cref="DriftBins"/>: 10 reference-quantile bins for a
/// numeric column, the categories for a categorical one), for any kind of column.
/// </summary>
internal abstract class BinnedDriftTest : DriftTestBase
{
    public override DriftThresholdKind ThresholdKind => DriftThresholdKind.ValueAtLeast;

    public override bool Supports(DriftColumnKind kind) => true;

    protected sealed override DriftStatistic ComputeNumeric(NumericDistribution reference, NumericDistribution current) =>
        new(Name, Score(DriftBins.Numeric(reference, current)));

    protected sealed override DriftStatistic ComputeCategorical(CategoryDistribution reference, CategoryDistribution current) =>
        new(Name, Score(DriftBins.Categorical(reference, current)));

    /// <summary>The statistic from the shares per bin, each side's summing to 1.</summary>
    protected abstract double Score((double[] Reference, double[] Current) bins);
}
