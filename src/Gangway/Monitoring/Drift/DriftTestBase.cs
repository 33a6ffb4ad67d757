namespace Gangway.Monitoring.Drift;

/// <summary>The shared part of the built-in tests: the empty-side rule and the error for a kind a test does not compare.</summary>
internal abstract class DriftTestBase : IDriftTest
{
    public abstract string Name { get; }

    public abstract DriftThresholdKind ThresholdKind { get; }

    public abstract double DefaultThreshold { get; }

    public abstract bool Supports(DriftColumnKind kind);

    public DriftStatistic Compute(NumericDistribution reference, NumericDistribution current)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        Require(DriftColumnKind.Numeric);
        return reference.IsEmpty || current.IsEmpty ? DriftStatistic.Empty(Name) : ComputeNumeric(reference, current);
    }

    public DriftStatistic Compute(CategoryDistribution reference, CategoryDistribution current)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        Require(DriftColumnKind.Categorical);
        return reference.Total == 0 || current.Total == 0 ? DriftStatistic.Empty(Name) : ComputeCategorical(reference, current);
    }

    protected virtual DriftStatistic ComputeNumeric(NumericDistribution reference, NumericDistribution current) =>
        throw new InvalidOperationException($"{Name} supports numeric columns but does not compute them.");

    protected virtual DriftStatistic ComputeCategorical(CategoryDistribution reference, CategoryDistribution current) =>
        throw new InvalidOperationException($"{Name} supports categorical columns but does not compute them.");

    private void Require(DriftColumnKind kind)
    {
        if (!Supports(kind))
        {
            throw new GangwayException(ErrorKind.InvalidInput,
                $"Drift test '{Name}' does not compare {kind.ToString().ToLowerInvariant()} columns; tests for them: {string.Join(", ", DriftTestCatalog.NamesFor(kind))}.");
        }
    }
}
