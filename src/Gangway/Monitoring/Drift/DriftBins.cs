namespace Gangway.Monitoring.Drift;

/// <summary>The bins PSI and the Jensen–Shannon distance compare: the share of each side in each bin.</summary>
internal static class DriftBins
{
    /// <summary>How many reference-quantile bins a numeric column is cut into.</summary>
    public const int NumericBins = 10;

    /// <summary>
    /// Bins cut at the reference's weighted deciles (the smallest value whose CDF reaches 0.1, …, 0.9; repeated edges
    /// merged, so a discrete column has fewer bins): (−∞, e1], (e1, e2], …, (ek, ∞). Missing values are not binned.
    /// </summary>
    public static (double[] Reference, double[] Current) Numeric(NumericDistribution reference, NumericDistribution current)
    {
        var edges = new SortedSet<double>();
        for (var i = 1; i < NumericBins; i++)
        {
            edges.Add(Quantile(reference, (double)i / NumericBins));
        }

        return (Shares(reference, edges), Shares(current, edges));
    }

    /// <summary>
    /// One bin per reference category; one per category only the current side has; the other categories; and the
    /// missing values when either side has any. A category one side's sketch may hold in its other count (the
    /// reference itemises only some categories and the current side has a new one, or the other way round) is pooled
    /// into the other bin on both sides. Shares are of all values, missing included when the missing bin is there.
    /// </summary>
    public static (double[] Reference, double[] Current) Categorical(CategoryDistribution reference, CategoryDistribution current)
    {
        var categories = reference.Counts.Keys.Where(c => current.OtherCount == 0 || current.Counts.ContainsKey(c))
            .Concat(current.Counts.Keys.Where(c => !reference.Counts.ContainsKey(c) && reference.OtherCount == 0))
            .Distinct(StringComparer.Ordinal).ToList();
        var withMissing = reference.Missing > 0 || current.Missing > 0;
        return (Counts(reference, categories, withMissing), Counts(current, categories, withMissing));
    }

    /// <summary>The smallest value whose weighted CDF is at least <paramref name="p"/>.</summary>
    public static double Quantile(NumericDistribution distribution, double p)
    {
        var target = p * distribution.TotalWeight;
        var cumulative = 0.0;
        var values = distribution.Values;
        var weights = distribution.Weights;
        for (var i = 0; i < values.Length; i++)
        {
            cumulative += weights[i];
            if (cumulative >= target * (1 - 1e-12))
            {
                return values[i];
            }
        }

        return values[^1];
    }

    private static double[] Shares(NumericDistribution distribution, SortedSet<double> edges)
    {
        var shares = new double[edges.Count + 1];
        var previous = 0.0;
        var i = 0;
        foreach (var edge in edges)
        {
            var cdf = distribution.Cdf(edge);
            shares[i++] = cdf - previous;
            previous = cdf;
        }

        shares[i] = 1 - previous;
        return shares;
    }

    private static double[] Counts(CategoryDistribution side, List<string> categories, bool withMissing)
    {
        var counts = new double[categories.Count + 2];
        for (var i = 0; i < categories.Count; i++)
        {
            counts[i] = side.Counts.GetValueOrDefault(categories[i]);
        }

        var binned = categories.ToHashSet(StringComparer.Ordinal);
        counts[^2] = side.OtherCount + side.Counts.Where(c => !binned.Contains(c.Key)).Sum(c => c.Value);
        counts[^1] = withMissing ? side.Missing : 0;
        var total = counts.Sum();
        return [.. counts.Select(c => total == 0 ? 0 : c / total)];
    }
}
