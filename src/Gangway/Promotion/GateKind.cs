namespace Gangway.Promotion;

/// <summary>The kind of a promotion check, as declared in the spec's <c>promotion:</c> section.</summary>
public enum GateKind
{
    /// <summary>An overall metric threshold (<c>minimum</c>).</summary>
    Minimum,

    /// <summary>The candidate is not worse than the current version (<c>no_regression</c>).</summary>
    NoRegression,

    /// <summary>A metric threshold for one group of a column (<c>slices</c>).</summary>
    Slice,

    /// <summary>The largest difference of a group metric between the groups of a column (<c>fairness</c>).</summary>
    Fairness,

    /// <summary>The upsell figures hold against the data (<c>upsell</c>): gaps per tier and stratum, and monotone probabilities.</summary>
    Upsell,

    /// <summary>The candidate is better than a baseline or the current version by a paired test (<c>beats</c>).</summary>
    Beats,
}
