namespace Gangway.Monitoring.Drift;

/// <summary>One drift statistic of one column: its raw value and, for a statistical test, its p-value.</summary>
/// <param name="Method">The test's catalog name, e.g. <c>ks</c>.</param>
/// <param name="Value">The statistic (KS D, normalised Wasserstein distance, PSI, χ², JS distance); null when it could not be computed.</param>
/// <param name="PValue">The p-value of a statistical test; null for a distance or when not computed.</param>
/// <param name="Note">Why the statistic is missing or how it was computed in an edge case, e.g. <c>not enough data</c>; null otherwise.</param>
public sealed record DriftStatistic(string Method, double? Value, double? PValue = null, string? Note = null)
{
    /// <summary>The note of a statistic that could not be computed because a side has no present value.</summary>
    public const string NotEnoughData = "not enough data";

    /// <summary>A statistic that could not be computed: one side has no present value.</summary>
    public static DriftStatistic Empty(string method) => new(method, null, null, NotEnoughData);

    /// <summary>Whether this statistic means drift at <paramref name="threshold"/>; never when it was not computed.</summary>
    public bool IsDrift(DriftThresholdKind kind, double threshold) => kind == DriftThresholdKind.PValueBelow
        ? PValue is { } p && p < threshold
        : Value is { } v && v >= threshold;
}
