namespace Gangway.Monitoring.Drift;

/// <summary>What a drift test's threshold is compared with.</summary>
public enum DriftThresholdKind
{
    /// <summary>A statistical test: drift when the p-value is below the threshold (e.g. 0.05).</summary>
    PValueBelow,

    /// <summary>A distance: drift when the statistic is at or above the threshold.</summary>
    ValueAtLeast,
}
