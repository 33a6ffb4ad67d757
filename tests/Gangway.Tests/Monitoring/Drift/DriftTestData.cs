using Gangway.Monitoring;

namespace Gangway.Tests.Monitoring.Drift;

/// <summary>Tiny distributions for the drift tests' hand-computed values.</summary>
internal static class DriftTestData
{
    public static NumericDistribution Numbers(params double[] values) => NumericDistribution.Of(values);

    public static CategoryDistribution Categories(params (string Category, double Count)[] counts) =>
        new(counts.ToDictionary(c => c.Category, c => c.Count));
}
