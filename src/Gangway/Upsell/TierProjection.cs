namespace Gangway.Upsell;

/// <summary>
/// The closest non-decreasing sequence (least squares, equal weights) to a record's probabilities in each tier, lowest
/// tier first: the pool-adjacent-violators algorithm. Like scikit-learn's <c>isotonic_regression(y, increasing=True)</c>.
/// A sequence that is already non-decreasing comes back unchanged, value for value.
/// </summary>
internal static class TierProjection
{
    /// <summary>Projects <paramref name="values"/> onto the non-decreasing sequences; returns a new array.</summary>
    public static double[] NonDecreasing(ReadOnlySpan<double> values)
    {
        var result = values.ToArray();
        if (IsNonDecreasing(result))
        {
            return result;
        }

        // Blocks of pooled values: their mean and size, left to right.
        var means = new double[result.Length];
        var sizes = new int[result.Length];
        var blocks = 0;
        foreach (var value in values)
        {
            means[blocks] = value;
            sizes[blocks] = 1;
            blocks++;
            while (blocks > 1 && means[blocks - 2] > means[blocks - 1])
            {
                var size = sizes[blocks - 2] + sizes[blocks - 1];
                means[blocks - 2] = ((means[blocks - 2] * sizes[blocks - 2]) + (means[blocks - 1] * sizes[blocks - 1])) / size;
                sizes[blocks - 2] = size;
                blocks--;
            }
        }

        var next = 0;
        for (var block = 0; block < blocks; block++)
        {
            result.AsSpan(next, sizes[block]).Fill(means[block]);
            next += sizes[block];
        }

        return result;
    }

    /// <summary>True when no value is below the one before it.</summary>
    public static bool IsNonDecreasing(ReadOnlySpan<double> values)
    {
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] < values[i - 1])
            {
                return false;
            }
        }

        return true;
    }
}
