using Gangway.Data;
using Gangway.Pipelines;

namespace Gangway.Features;

/// <summary>
/// The fitted form of <see cref="BinningEstimator"/>: replaces each value by its bin index using the edges learned at fit.
/// Values below the first edge go to bin 0, values at or above the last to the last bin; missing stays missing.
/// Immutable and thread-safe.
/// </summary>
public sealed class BinningTransformer : ITransformer, IRowCompilable
{
    /// <summary>The kind this transformer is saved under.</summary>
    public const string KindName = "bin";

    private readonly string[] _columns;
    private readonly double[][] _edges;

    internal BinningTransformer(IEnumerable<string> columns, double[][] edges)
    {
        _columns = FeatureOptions.ColumnList(columns, KindName);
        _edges = edges;
        BinEdges = [.. edges.Select(e => (IReadOnlyList<double>)Array.AsReadOnly(e))];
    }

    /// <summary>The binned columns.</summary>
    public IReadOnlyList<string> Columns => _columns;

    /// <summary>The ascending bin edges of each column, aligned with <see cref="Columns"/>; k bins have k + 1 edges (scikit-learn's <c>bin_edges_</c>).</summary>
    public IReadOnlyList<IReadOnlyList<double>> BinEdges { get; }

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    /// <exception cref="GangwayException">A column is missing or holds text.</exception>
    public Table Transform(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var outputs = new Column[_columns.Length];
        for (var c = 0; c < _columns.Length; c++)
        {
            var source = data.GetNumeric(_columns[c]).Values;
            var inner = _edges[c].AsSpan(1, _edges[c].Length - 2);
            var values = new double[source.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = double.IsNaN(source[i]) ? double.NaN : BinOf(inner, source[i]);
            }

            outputs[c] = new NumericColumn(_columns[c], values);
        }

        return data.With(outputs);
    }

    RowStep? IRowCompilable.CompileRow(RowLayout layout)
    {
        var sources = new int[_columns.Length];
        for (var c = 0; c < _columns.Length; c++)
        {
            if (!layout.TryGet(_columns[c], ColumnType.Numeric, out sources[c]))
            {
                return null;
            }
        }

        var outputs = Array.ConvertAll(_columns, name => layout.Put(name, ColumnType.Numeric));
        var edges = _edges;
        return row =>
        {
            for (var c = 0; c < sources.Length; c++)
            {
                var value = row.Numbers[sources[c]];
                row.Numbers[outputs[c]] = double.IsNaN(value) ? double.NaN : BinOf(edges[c].AsSpan(1, edges[c].Length - 2), value);
            }

            return true;
        };
    }

    /// <inheritdoc />
    public void Save(TransformerWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.State["columns"] = SavedState.Strings(_columns);
        writer.State["edges"] = SavedState.NumberLists(_edges);
    }

    internal static BinningTransformer Load(TransformerReader reader)
    {
        var columns = reader.Get<string[]>("columns");
        var edges = reader.Get<double[][]>("edges");
        SavedState.RequireSameCount(reader, "edges", edges.Length, columns.Length);
        foreach (var list in edges)
        {
            if (list is null || list.Length < 2 || !IsAscending(list))
            {
                throw reader.Corrupt("edges", "needs at least 2 ascending finite edges per column");
            }
        }

        return new BinningTransformer(columns, edges);
    }

    /// <summary>The number of inner edges at or below x (numpy's searchsorted side='right').</summary>
    private static int BinOf(ReadOnlySpan<double> inner, double x)
    {
        int low = 0, high = inner.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (inner[middle] <= x)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private static bool IsAscending(double[] edges)
    {
        for (var i = 0; i < edges.Length; i++)
        {
            if (!double.IsFinite(edges[i]) || (i > 0 && edges[i] < edges[i - 1]))
            {
                return false;
            }
        }

        return true;
    }
}
