using Gangway.Data;
using Gangway.Pipelines;

namespace Gangway.Features;

/// <summary>
/// Replaces numeric columns by the index (0 to k - 1) of the bin each value falls in: like scikit-learn's
/// KBinsDiscretizer(encode='ordinal'). Bin i holds edges[i] &lt;= x &lt; edges[i + 1]; values outside the fitted range
/// go to the first or last bin; missing values stay missing and are ignored at fit.
/// </summary>
public sealed class BinningEstimator : IEstimator<BinningTransformer>
{
    /// <summary>Creates the step.</summary>
    /// <param name="columns">The numeric columns to bin; at least one, no repeats.</param>
    /// <param name="bins">The number of bins, at least 2; default 5. Quantile binning may end with fewer when edges repeat.</param>
    /// <param name="strategy">How edges are placed; default <see cref="BinningStrategy.Quantile"/>.</param>
    /// <exception cref="GangwayException">A bad column list or fewer than 2 bins.</exception>
    public BinningEstimator(IEnumerable<string> columns, int bins = 5, BinningStrategy strategy = BinningStrategy.Quantile)
    {
        Columns = FeatureOptions.ColumnList(columns, BinningTransformer.KindName);
        if (bins < 2)
        {
            throw new GangwayException(ErrorKind.InvalidConfiguration, $"'bin' needs at least 2 bins; got {bins}.");
        }

        if (!Enum.IsDefined(strategy))
        {
            throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Unknown binning strategy.");
        }

        Bins = bins;
        Strategy = strategy;
    }

    /// <summary>The columns to bin.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The number of bins asked for.</summary>
    public int Bins { get; }

    /// <summary>How edges are placed.</summary>
    public BinningStrategy Strategy { get; }

    /// <inheritdoc />
    /// <exception cref="GangwayException">A column is missing or holds text, the data has no rows, or a column has only missing or infinite values.</exception>
    public BinningTransformer Fit(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.RequireColumns(Columns);
        data.RequireRows($"fit '{BinningTransformer.KindName}'");
        var edges = new double[Columns.Count][];
        for (var c = 0; c < Columns.Count; c++)
        {
            var values = Statistics.Present(data.GetNumeric(Columns[c]).Values);
            if (values.Length == 0)
            {
                throw new GangwayException(
                    ErrorKind.InvalidInput,
                    $"Column '{Columns[c]}' has no values to learn bin edges from: all {data.RowCount} rows are missing.");
            }

            Array.Sort(values);
            SavedState.RequireFinite(values[0], BinningTransformer.KindName, Columns[c], "minimum");
            SavedState.RequireFinite(values[^1], BinningTransformer.KindName, Columns[c], "maximum");
            edges[c] = Edges(values);
        }

        return new BinningTransformer(Columns, edges);
    }

    private double[] Edges(double[] sorted)
    {
        double min = sorted[0], max = sorted[^1];
        if (min == max)
        {
            // One bin, as scikit-learn does for a constant column.
            return [min, max];
        }

        var edges = new List<double>(Bins + 1);
        for (var i = 0; i <= Bins; i++)
        {
            var edge = Strategy == BinningStrategy.Uniform
                ? min + ((max - min) * i / Bins)
                : Statistics.Quantile(sorted, (double)i / Bins);
            if (edges.Count == 0 || edge - edges[^1] > 1e-8)
            {
                edges.Add(edge);
            }
        }

        // Rounding can leave the last edge just below max; the last bin is closed on the right anyway.
        edges[^1] = Math.Max(edges[^1], max);
        return [.. edges];
    }
}
