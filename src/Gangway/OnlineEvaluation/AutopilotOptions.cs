namespace Gangway.OnlineEvaluation;

/// <summary>How <see cref="DeploymentAutopilot"/> judges and promotes.</summary>
public sealed record AutopilotOptions
{
    /// <summary>The labels and confidence of the online metrics; defaults when null.</summary>
    public OnlineMetricsOptions? Metrics { get; init; }

    /// <summary>Labelled data the promotion gates are evaluated on instead of the spec's <c>promotion.data</c>, or null.</summary>
    public string? PromotionData { get; init; }

    /// <summary>Where registry bundles are cached for the gates, or null for the default folder.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>The host's catalog, to load versions that use its custom steps; null for the built-ins.</summary>
    public GangwayCatalog? Catalog { get; init; }
}
