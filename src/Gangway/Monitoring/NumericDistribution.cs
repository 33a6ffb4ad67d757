namespace Gangway.Monitoring;

/// <summary>
/// A numeric column's distribution as a weighted sample: values in ascending order, each with a positive weight. Exact
/// data gives every value weight 1 (<see cref="Of(ReadOnlySpan{double})"/>); a quantile sketch gives the items it kept
/// with the weight each stands for. Every drift statistic of a numeric column is computed from two of these, so the
/// same code serves exact files, the bundle's reference and the service's windows. Missing values (NaN) are counted
/// apart and never enter the sample. Immutable and thread-safe.
/// </summary>
public sealed class NumericDistribution
{
    private readonly double[] _values;
    private readonly double[] _weights;
    private readonly double[] _cumulative;

    /// <summary>A distribution from sorted values and their weights.</summary>
    /// <param name="sortedValues">Finite or infinite values, not NaN, in ascending order.</param>
    /// <param name="weights">One positive, finite weight per value.</param>
    /// <param name="missing">How many values were missing.</param>
    /// <exception cref="ArgumentException">The values are not sorted, contain NaN, or the weights do not match them.</exception>
    public NumericDistribution(IReadOnlyList<double> sortedValues, IReadOnlyList<double> weights, long missing = 0)
    {
        ArgumentNullException.ThrowIfNull(sortedValues);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentOutOfRangeException.ThrowIfNegative(missing);
        if (sortedValues.Count != weights.Count)
        {
            throw new ArgumentException($"There are {sortedValues.Count} values and {weights.Count} weights; there must be one weight per value.", nameof(weights));
        }

        _values = [.. sortedValues];
        _weights = [.. weights];
        _cumulative = new double[_values.Length];
        var total = 0.0;
        for (var i = 0; i < _values.Length; i++)
        {
            if (double.IsNaN(_values[i]) || (i > 0 && _values[i] < _values[i - 1]))
            {
                throw new ArgumentException($"Values must be ascending and not NaN; value {i} is {_values[i]}.", nameof(sortedValues));
            }

            if (!(_weights[i] > 0) || !double.IsFinite(_weights[i]))
            {
                throw new ArgumentException($"Weights must be positive and finite; weight {i} is {_weights[i]}.", nameof(weights));
            }

            total += _weights[i];
            _cumulative[i] = total;
        }

        Missing = missing;
    }

    /// <summary>The exact distribution of <paramref name="values"/>: each present value with weight 1, NaN counted as missing.</summary>
    public static NumericDistribution Of(ReadOnlySpan<double> values)
    {
        var present = new List<double>(values.Length);
        long missing = 0;
        foreach (var value in values)
        {
            if (double.IsNaN(value))
            {
                missing++;
            }
            else
            {
                present.Add(value);
            }
        }

        present.Sort();
        return new NumericDistribution(present, [.. Enumerable.Repeat(1.0, present.Count)], missing);
    }

    /// <summary>The values, ascending.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>The weight of each value.</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>The sum of the weights: how many present values the distribution stands for.</summary>
    public double TotalWeight => _cumulative.Length == 0 ? 0 : _cumulative[^1];

    /// <summary>How many values were missing.</summary>
    public long Missing { get; }

    /// <summary>Whether no present value was seen.</summary>
    public bool IsEmpty => _values.Length == 0;

    /// <summary>The share of the weight at or below <paramref name="x"/> (the empirical CDF); 0 for an empty distribution.</summary>
    public double Cdf(double x)
    {
        if (_values.Length == 0)
        {
            return 0;
        }

        // The last index whose value is <= x.
        int lo = 0, hi = _values.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_values[mid] <= x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo == 0 ? 0 : _cumulative[lo - 1] / TotalWeight;
    }
}
