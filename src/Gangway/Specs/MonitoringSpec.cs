using Gangway.Monitoring.Drift;

namespace Gangway.Specs;

/// <summary>How a deployed model is monitored (the spec's <c>monitoring:</c> section). See docs/monitoring.md.</summary>
public sealed record MonitoringSpec
{
    /// <summary>How drift is decided (<c>monitoring.drift</c>), or null for the defaults.</summary>
    public DriftOptions? Drift { get; init; }
}
