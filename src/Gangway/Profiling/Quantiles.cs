namespace Gangway.Profiling;

/// <summary>Order statistics on sorted samples, computed the way numpy does by default.</summary>
internal static class Quantiles
{
    /// <summary>
    /// The <paramref name="probability"/> quantile of <paramref name="sorted"/> (ascending, no NaN) by linear interpolation
    /// between closest ranks: with h = (n − 1)·p, the result is x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]).
    /// This is numpy's default <c>quantile(method="linear")</c> and pandas' default.
    /// </summary>
    public static double Linear(ReadOnlySpan<double> sorted, double probability)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("Cannot take a quantile of no values.", nameof(sorted));
        }

        var h = (sorted.Length - 1) * probability;
        var lower = (int)Math.Floor(h);
        if (lower >= sorted.Length - 1)
        {
            return sorted[^1];
        }

        var fraction = h - lower;
        var low = sorted[lower];
        var high = sorted[lower + 1];

        if (fraction == 0 || low == high)
        {
            return low;
        }

        // numpy's _lerp: interpolate from the nearer end, which keeps results monotonic and bit-compatible with numpy.
        var difference = high - low;
        return fraction >= 0.5 ? high - (difference * (1 - fraction)) : low + (difference * fraction);
    }
}
