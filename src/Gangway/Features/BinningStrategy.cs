namespace Gangway.Features;

/// <summary>How <see cref="BinningEstimator"/> places bin edges (scikit-learn KBinsDiscretizer's <c>strategy</c>).</summary>
public enum BinningStrategy
{
    /// <summary>Edges at evenly spaced quantiles, so bins hold about the same number of rows; repeated edges are merged.</summary>
    Quantile,

    /// <summary>Edges evenly spaced between the minimum and the maximum.</summary>
    Uniform,
}
