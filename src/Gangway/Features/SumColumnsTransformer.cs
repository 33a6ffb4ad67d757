using Gangway.Data;
using Gangway.Pipelines;

namespace Gangway.Features;

/// <summary>The fitted form of <see cref="SumColumnsEstimator"/> (it learns nothing; it carries the options). Immutable and thread-safe.</summary>
public sealed class SumColumnsTransformer : ITransformer, IRowCompilable
{
    /// <summary>The kind this transformer is saved under.</summary>
    public const string KindName = "sum";

    private readonly string[] _columns;

    internal SumColumnsTransformer(IEnumerable<string> columns, string outputColumn, double offset)
    {
        _columns = FeatureOptions.ColumnList(columns, KindName);
        OutputColumn = outputColumn;
        Offset = offset;
    }

    /// <summary>The columns added up.</summary>
    public IReadOnlyList<string> Columns => _columns;

    /// <summary>The column the sums are written to.</summary>
    public string OutputColumn { get; }

    /// <summary>The constant added to every sum.</summary>
    public double Offset { get; }

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    /// <exception cref="GangwayException">A column is missing or holds text.</exception>
    public Table Transform(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var sums = new double[data.RowCount];
        Array.Fill(sums, Offset);
        foreach (var name in _columns)
        {
            var values = data.GetNumeric(name).Values;
            for (var i = 0; i < sums.Length; i++)
            {
                // NaN propagates, so a missing input gives a missing sum.
                sums[i] += values[i];
            }
        }

        return data.With(new NumericColumn(OutputColumn, sums));
    }

    RowStep? IRowCompilable.CompileRow(RowLayout layout)
    {
        var sources = new int[_columns.Length];
        for (var i = 0; i < sources.Length; i++)
        {
            if (!layout.TryGet(_columns[i], ColumnType.Numeric, out sources[i]))
            {
                return null;
            }
        }

        var sum = layout.Put(OutputColumn, ColumnType.Numeric);
        var offset = Offset;
        return row =>
        {
            // Added in the same order as Transform, so the result is bit-identical.
            var total = offset;
            foreach (var source in sources)
            {
                total += row.Numbers[source];
            }

            row.Numbers[sum] = total;
            return true;
        };
    }

    /// <inheritdoc />
    public void Save(TransformerWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.State["columns"] = SavedState.Strings(_columns);
        writer.State["to"] = OutputColumn;
        writer.State["offset"] = Offset;
    }

    internal static SumColumnsTransformer Load(TransformerReader reader)
    {
        var offset = reader.GetDouble("offset");
        return double.IsFinite(offset)
            ? new SumColumnsTransformer(reader.Get<string[]>("columns"), FeatureOptions.ColumnName(reader.GetString("to"), KindName, "to"), offset)
            : throw reader.Corrupt("offset", "is not a finite number");
    }
}
