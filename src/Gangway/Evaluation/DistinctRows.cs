namespace Gangway.Evaluation;

/// <summary>
/// Scored rows that no metric can tell apart (same class, same probability and prediction in every score column, same
/// group in every grouping), each kept once with its multiplicity. A bootstrap over them is a bootstrap over the rows:
/// <see cref="StratifiedBootstrap"/> draws counts with the same distribution, and the weighted metrics are sums over rows.
/// </summary>
internal sealed class DistinctRows
{
    private DistinctRows(int[] first, int[] multiplicity) => (First, Multiplicity) = (first, multiplicity);

    /// <summary>The first row of each distinct row, in increasing order.</summary>
    public int[] First { get; }

    /// <summary>How many rows each distinct row stands for.</summary>
    public int[] Multiplicity { get; }

    /// <summary>The number of distinct rows.</summary>
    public int Count => First.Length;

    public static DistinctRows Of(bool[] actual, IReadOnlyList<(double[] Probability, bool[] Predicted)> scores, IReadOnlyList<int[]> groups)
    {
        var indexOf = new Dictionary<int, int>(new SameRow(actual, scores, groups));
        var first = new List<int>();
        var multiplicity = new List<int>();
        for (var row = 0; row < actual.Length; row++)
        {
            if (indexOf.TryGetValue(row, out var index))
            {
                multiplicity[index]++;
            }
            else
            {
                indexOf.Add(row, first.Count);
                first.Add(row);
                multiplicity.Add(1);
            }
        }

        return new DistinctRows([.. first], [.. multiplicity]);
    }

    /// <summary>Compares two row indices by everything the metrics read of those rows.</summary>
    private sealed class SameRow(bool[] actual, IReadOnlyList<(double[] Probability, bool[] Predicted)> scores, IReadOnlyList<int[]> groups)
        : IEqualityComparer<int>
    {
        public bool Equals(int x, int y)
        {
            if (actual[x] != actual[y])
            {
                return false;
            }

            foreach (var (probability, predicted) in scores)
            {
                if (probability[x] != probability[y] || predicted[x] != predicted[y])
                {
                    return false;
                }
            }

            foreach (var group in groups)
            {
                if (group[x] != group[y])
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(int row)
        {
            var hash = new HashCode();
            hash.Add(actual[row]);
            foreach (var (probability, predicted) in scores)
            {
                hash.Add(probability[row]);
                hash.Add(predicted[row]);
            }

            foreach (var group in groups)
            {
                hash.Add(group[row]);
            }

            return hash.ToHashCode();
        }
    }
}
