namespace Gangway.Monitoring.Drift;

/// <summary>
/// A drift statistic comparing a column's current distribution with its reference: a statistical test (p-value) or a
/// distance. Built-ins are reached by name through <see cref="DriftTestCatalog"/>. Implementations are stateless and
/// thread-safe, and never throw on empty or degenerate data: they return a statistic with a note instead.
/// </summary>
public interface IDriftTest
{
    /// <summary>The catalog name, e.g. <c>ks</c>, as written in the spec's <c>monitoring.drift.columns</c>.</summary>
    string Name { get; }

    /// <summary>What the threshold is compared with: the p-value or the statistic.</summary>
    DriftThresholdKind ThresholdKind { get; }

    /// <summary>The threshold used when the spec does not set one.</summary>
    double DefaultThreshold { get; }

    /// <summary>Whether the test compares columns of <paramref name="kind"/>.</summary>
    bool Supports(DriftColumnKind kind);

    /// <summary>The statistic for a numeric column.</summary>
    /// <exception cref="GangwayException">The test does not compare numeric columns (InvalidInput).</exception>
    DriftStatistic Compute(NumericDistribution reference, NumericDistribution current);

    /// <summary>The statistic for a categorical column.</summary>
    /// <exception cref="GangwayException">The test does not compare categorical columns (InvalidInput).</exception>
    DriftStatistic Compute(CategoryDistribution reference, CategoryDistribution current);
}
