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
        var result = new double[values.Length];
        NonDecreasing(values, result);
        return result;
    }

    /// <summary>Projects <paramref name="values"/> onto the non-decreasing sequences, into <paramref name="result"/> (as long).</summary>
    public static void NonDecreasing(ReadOnlySpan<double> values, Span<double> result)
    {
        values.CopyTo(result);
        if (IsNonDecreasing(values))
        {
            return;
        }

        // Blocks of pooled values: their mean and size, left to right.
        Span<double> means = values.Length <= 64 ? stackalloc double[values.Length] : new double[values.Length];
        Span<int> sizes = values.Length <= 64 ? stackalloc int[values.Length] : new int[values.Length];
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
            result.Slice(next, sizes[block]).Fill(means[block]);
            next += sizes[block];
        }
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
