namespace Gangway.Monitoring.Drift;

/// <summary>How a column's distributions are compared: as numbers (a weighted sample with a CDF) or as categories.</summary>
public enum DriftColumnKind
{
    /// <summary>Compared as numbers: <see cref="NumericDistribution"/>s.</summary>
    Numeric,

    /// <summary>Compared as categories: <see cref="CategoryDistribution"/>s (text, or numbers with few distinct values).</summary>
    Categorical,
}
