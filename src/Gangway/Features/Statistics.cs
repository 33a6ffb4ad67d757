namespace Gangway.Features;

/// <summary>The column statistics feature steps learn; missing values (NaN, null) are skipped.</summary>
internal static class Statistics
{
    /// <summary>The non-missing values, copied.</summary>
    public static double[] Present(ReadOnlySpan<double> values)
    {
        var count = 0;
        foreach (var value in values)
        {
            if (!double.IsNaN(value))
            {
                count++;
            }
        }

        var present = new double[count];
        var i = 0;
        foreach (var value in values)
        {
            if (!double.IsNaN(value))
            {
                present[i++] = value;
            }
        }

        return present;
    }

    public static double Mean(double[] values)
    {
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum / values.Length;
    }

    /// <summary>The population standard deviation (ddof = 0, like numpy and scikit-learn's StandardScaler).</summary>
    public static double PopulationStd(double[] values, double mean)
    {
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += (value - mean) * (value - mean);
        }

        return Math.Sqrt(sum / values.Length);
    }

    /// <summary>The median; sorts <paramref name="values"/> in place.</summary>
    public static double Median(double[] values)
    {
        Array.Sort(values);
        return Quantile(values, 0.5);
    }

    /// <summary>The quantile of sorted values with linear interpolation (numpy's default method).</summary>
    public static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
    }

    /// <summary>The most frequent value; ties go to the smallest (like scikit-learn's SimpleImputer).</summary>
    public static double MostFrequent(double[] values)
    {
        var counts = new Dictionary<double, int>();
        foreach (var value in values)
        {
            counts[value] = counts.GetValueOrDefault(value) + 1;
        }

        var best = double.NaN;
        var bestCount = 0;
        foreach (var (value, count) in counts)
        {
            if (count > bestCount || (count == bestCount && value < best))
            {
                best = value;
                bestCount = count;
            }
        }

        return best;
    }

    /// <summary>The most frequent non-missing string; ties go to the smallest in ordinal order; null when all are missing.</summary>
    public static string? MostFrequent(ReadOnlySpan<string?> values)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (value is not null)
            {
                counts[value] = counts.GetValueOrDefault(value) + 1;
            }
        }

        string? best = null;
        var bestCount = 0;
        foreach (var (value, count) in counts)
        {
            if (count > bestCount || (count == bestCount && string.CompareOrdinal(value, best) < 0))
            {
                best = value;
                bestCount = count;
            }
        }

        return best;
    }
}
