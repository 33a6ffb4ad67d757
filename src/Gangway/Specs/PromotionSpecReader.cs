namespace Gangway.Specs;

/// <summary>Reads a spec's <c>promotion:</c> section; <see cref="PromotionSpecValidator"/> checks names and ranges.</summary>
internal static class PromotionSpecReader
{
    public static PromotionSpec Read(SpecNode node)
    {
        node.EnsureKnownKeys("data", "minimum", "no_regression", "slices", "fairness", "upsell");
        return new PromotionSpec
        {
            Data = node.Required("data").Scalar(),
            Minimum = node.Optional("minimum") is { } minimum ? ReadThresholds(minimum) : [],
            NoRegression = node.Optional("no_regression") is { } noRegression ? ReadNoRegression(noRegression) : null,
            Slices = node.Optional("slices") is { } slices ? [.. slices.Sequence().Select(ReadSlice)] : [],
            Fairness = node.Optional("fairness") is { } fairness ? [.. fairness.Sequence().Select(ReadFairness)] : [],
            Upsell = node.Optional("upsell") is { } upsell ? UpsellGateSpec.Read(upsell) : null,
        };
    }

    private static List<MetricThreshold> ReadThresholds(SpecNode node) =>
        [.. node.Mapping().Select(e => new MetricThreshold(e.Key, e.Value.Double()))];

    private static NoRegressionGate ReadNoRegression(SpecNode node)
    {
        node.EnsureKnownKeys("metric", "tolerance");
        return new NoRegressionGate(node.Required("metric").Scalar(), node.Optional("tolerance")?.Double() ?? 0);
    }

    private static SliceGate ReadSlice(SpecNode node)
    {
        node.EnsureKnownKeys("column", "minimum");
        return new SliceGate(node.Required("column").Scalar(), ReadThresholds(node.Required("minimum")));
    }

    private static FairnessGate ReadFairness(SpecNode node)
    {
        node.EnsureKnownKeys("column", "metric", "max_gap");
        return new FairnessGate(node.Required("column").Scalar(), node.Required("metric").Scalar(), node.Required("max_gap").Double());
    }
}
