namespace Gangway.Monitoring;

/// <summary>
/// A categorical column's distribution: a count (or weight) per category, plus the weight of categories not itemised
/// (a frequent-items sketch or a profile keeps only the most frequent) and the missing values, counted apart. Every
/// drift statistic of a categorical column is computed from two of these. Immutable and thread-safe.
/// </summary>
public sealed class CategoryDistribution
{
    /// <summary>A distribution from counts per category.</summary>
    /// <param name="counts">The weight of each itemised category; non-negative and finite.</param>
    /// <param name="otherCount">The weight of the categories not itemised.</param>
    /// <param name="missing">How many values were missing.</param>
    /// <exception cref="ArgumentException">A count is negative, NaN or infinite.</exception>
    public CategoryDistribution(IReadOnlyDictionary<string, double> counts, double otherCount = 0, long missing = 0)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentOutOfRangeException.ThrowIfNegative(missing);
        if (!(otherCount >= 0) || !double.IsFinite(otherCount))
        {
            throw new ArgumentException($"The other categories' count must be non-negative and finite; it is {otherCount}.", nameof(otherCount));
        }

        foreach (var (category, count) in counts)
        {
            if (!(count >= 0) || !double.IsFinite(count))
            {
                throw new ArgumentException($"Category '{category}' has count {count}; counts must be non-negative and finite.", nameof(counts));
            }
        }

        Counts = new SortedDictionary<string, double>(counts.ToDictionary(), StringComparer.Ordinal);
        OtherCount = otherCount;
        Missing = missing;
        Total = Counts.Values.Sum() + otherCount;
    }

    /// <summary>The exact distribution of <paramref name="values"/>: a count per distinct value, null counted as missing.</summary>
    public static CategoryDistribution Of(IEnumerable<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        long missing = 0;
        foreach (var value in values)
        {
            if (value is null)
            {
                missing++;
            }
            else
            {
                counts[value] = counts.GetValueOrDefault(value) + 1;
            }
        }

        return new CategoryDistribution(counts, 0, missing);
    }

    /// <summary>The weight of each itemised category, by category (ordinal order).</summary>
    public IReadOnlyDictionary<string, double> Counts { get; }

    /// <summary>The weight of the categories not itemised.</summary>
    public double OtherCount { get; }

    /// <summary>How many values were missing.</summary>
    public long Missing { get; }

    /// <summary>The weight of all present values: itemised and other.</summary>
    public double Total { get; }

    /// <summary>The share of the present values in <paramref name="category"/>; 0 when it was not itemised or nothing was seen.</summary>
    public double Share(string category) => Total == 0 ? 0 : Counts.GetValueOrDefault(category) / Total;
}
