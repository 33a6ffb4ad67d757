using Gangway.Data;
using Gangway.Pipelines;

namespace Gangway.Features;

/// <summary>The fitted form of <see cref="SelectColumnsEstimator"/>: keeps only <see cref="Columns"/>, in that order. Immutable and thread-safe.</summary>
public sealed class SelectColumnsTransformer : ITransformer, IRowCompilable
{
    /// <summary>The kind this transformer is saved under.</summary>
    public const string KindName = "select";

    private readonly string[] _columns;

    internal SelectColumnsTransformer(IEnumerable<string> columns)
    {
        _columns = FeatureOptions.ColumnList(columns, KindName);
    }

    /// <summary>The columns kept, in output order.</summary>
    public IReadOnlyList<string> Columns => _columns;

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public Table Transform(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var columns = new Column[_columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = data[_columns[i]];
        }

        return new Table(columns);
    }

    RowStep? IRowCompilable.CompileRow(RowLayout layout)
    {
        if (!Array.TrueForAll(_columns, layout.Contains) || _columns.Distinct(StringComparer.Ordinal).Count() != _columns.Length)
        {
            return null;
        }

        var kept = new HashSet<string>(_columns, StringComparer.Ordinal);
        foreach (var name in layout.Names.Where(n => !kept.Contains(n)).ToList())
        {
            layout.Remove(name);
        }

        return static _ => true;
    }

    /// <inheritdoc />
    public void Save(TransformerWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.State["columns"] = SavedState.Strings(_columns);
    }

    internal static SelectColumnsTransformer Load(TransformerReader reader) => new(reader.Get<string[]>("columns"));
}
