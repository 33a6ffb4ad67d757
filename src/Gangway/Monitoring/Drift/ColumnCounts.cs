namespace Gangway.Monitoring.Drift;

/// <summary>How many values one side of a comparison had for a column.</summary>
/// <param name="Present">The weight of the present values (their count for exact data).</param>
/// <param name="Missing">How many values were missing.</param>
public sealed record ColumnCounts(double Present, long Missing)
{
    /// <summary>The share of missing values among all values; 0 when there were none.</summary>
    public double MissingRate => Present + Missing == 0 ? 0 : Missing / (Present + Missing);
}
