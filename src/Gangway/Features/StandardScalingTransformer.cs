using Gangway.Data;
using Gangway.Pipelines;

namespace Gangway.Features;

/// <summary>
/// The fitted form of <see cref="StandardScalingEstimator"/>: replaces each value x by (x - mean) / scale with the
/// values learned at fit; missing values stay missing. Immutable and thread-safe.
/// </summary>
public sealed class StandardScalingTransformer : ITransformer, IRowCompilable
{
    /// <summary>The kind this transformer is saved under.</summary>
    public const string KindName = "standard_scale";

    private readonly string[] _columns;
    private readonly double[] _means;
    private readonly double[] _scales;

    internal StandardScalingTransformer(IEnumerable<string> columns, double[] means, double[] scales)
    {
        _columns = FeatureOptions.ColumnList(columns, KindName);
        _means = means;
        _scales = scales;
    }

    /// <summary>The scaled columns.</summary>
    public IReadOnlyList<string> Columns => _columns;

    /// <summary>The value subtracted from each column, aligned with <see cref="Columns"/> (0 when fitted without the mean); scikit-learn's <c>mean_</c>.</summary>
    public IReadOnlyList<double> Means => _means;

    /// <summary>The divisor of each column, aligned with <see cref="Columns"/> (1 when fitted without the std or when the std is 0); scikit-learn's <c>scale_</c>.</summary>
    public IReadOnlyList<double> Scales => _scales;

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
            var values = new double[source.Length];
            var mean = _means[c];
            var scale = _scales[c];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = (source[i] - mean) / scale;
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
        var means = _means;
        var scales = _scales;
        return row =>
        {
            for (var c = 0; c < sources.Length; c++)
            {
                row.Numbers[outputs[c]] = (row.Numbers[sources[c]] - means[c]) / scales[c];
            }

            return true;
        };
    }

    /// <inheritdoc />
    public void Save(TransformerWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.State["columns"] = SavedState.Strings(_columns);
        writer.State["means"] = SavedState.Numbers(_means);
        writer.State["scales"] = SavedState.Numbers(_scales);
    }

    internal static StandardScalingTransformer Load(TransformerReader reader)
    {
        var columns = reader.Get<string[]>("columns");
        var means = reader.GetDoubles("means");
        var scales = reader.GetDoubles("scales");
        SavedState.RequireSameCount(reader, "means", means.Length, columns.Length);
        SavedState.RequireSameCount(reader, "scales", scales.Length, columns.Length);
        if (Array.Exists(means, m => !double.IsFinite(m)) || Array.Exists(scales, s => !double.IsFinite(s) || s <= 0))
        {
            throw reader.Corrupt("scales", "holds a value that is not a finite number (scales must be positive)");
        }

        return new StandardScalingTransformer(columns, means, scales);
    }
}
