namespace Gangway.Specs;

/// <summary>Reads a spec's <c>promotion:</c> section; <see cref="PromotionSpecValidator"/> checks names and ranges.</summary>
internal static class PromotionSpecReader
{
    public static PromotionSpec Read(SpecNode node)
    {
        node.EnsureKnownKeys("data", "minimum", "no_regression", "slices", "fairness", "confidence", "beats", "upsell");
        return new PromotionSpec
        {
            Data = node.Required("data").Scalar(),
            Confidence = node.Optional("confidence")?.Double(),
            Minimum = node.Optional("minimum") is { } minimum ? ReadThresholds(minimum) : [],
            MinimumConfidence = node.Optional("minimum")?.Optional(ConfidenceKey)?.Double(),
            Beats = node.Optional("beats") is { } beats ? ReadBeats(beats) : null,
            NoRegression = node.Optional("no_regression") is { } noRegression ? ReadNoRegression(noRegression) : null,
            Slices = node.Optional("slices") is { } slices ? [.. slices.Sequence().Select(ReadSlice)] : [],
            Fairness = node.Optional("fairness") is { } fairness ? [.. fairness.Sequence().Select(ReadFairness)] : [],
            Upsell = node.Optional("upsell") is { } upsell ? UpsellGateSpec.Read(upsell) : null,
        };
    }

    // 'confidence' sits among the metric names of a minimum (no metric has that name).
    private const string ConfidenceKey = "confidence";

    private static List<MetricThreshold> ReadThresholds(SpecNode node) =>
        [.. node.Mapping().Where(e => e.Key != ConfidenceKey).Select(e => new MetricThreshold(e.Key, e.Value.Double()))];

    private static NoRegressionGate ReadNoRegression(SpecNode node)
    {
        node.EnsureKnownKeys("metric", "tolerance", ConfidenceKey);
        return new NoRegressionGate(node.Required("metric").Scalar(), node.Optional("tolerance")?.Double() ?? 0)
        {
            Confidence = node.Optional(ConfidenceKey)?.Double(),
        };
    }

    private static SliceGate ReadSlice(SpecNode node)
    {
        node.EnsureKnownKeys("column", "minimum");
        var minimum = node.Required("minimum");
        return new SliceGate(node.Required("column").Scalar(), ReadThresholds(minimum)) { Confidence = minimum.Optional(ConfidenceKey)?.Double() };
    }

    // beats: [women_survive, champion]  or  beats: {of: [...], metric: accuracy, confidence: 0.9}
    private static BeatsGate ReadBeats(SpecNode node)
    {
        if (node.IsSequence)
        {
            return new BeatsGate([.. node.Sequence().Select(n => n.Scalar())]);
        }

        node.EnsureKnownKeys("of", "metric", ConfidenceKey);
        return new BeatsGate([.. node.Required("of").Sequence().Select(n => n.Scalar())], node.Optional("metric")?.Scalar() ?? BeatsGate.DefaultMetric)
        {
            Confidence = node.Optional(ConfidenceKey)?.Double(),
        };
    }

    private static FairnessGate ReadFairness(SpecNode node)
    {
        node.EnsureKnownKeys("column", "metric", "max_gap");
        return new FairnessGate(node.Required("column").Scalar(), node.Required("metric").Scalar(), node.Required("max_gap").Double());
    }
}
