using Gangway.Data;
using Gangway.Pipelines;

namespace Gangway.Features;

/// <summary>The fitted form of <see cref="DropColumnsEstimator"/>: removes <see cref="Columns"/> where present. Immutable and thread-safe.</summary>
public sealed class DropColumnsTransformer : ITransformer, IRowCompilable
{
    /// <summary>The kind this transformer is saved under.</summary>
    public const string KindName = "drop";

    private readonly string[] _columns;
    private readonly HashSet<string> _drop;

    internal DropColumnsTransformer(IEnumerable<string> columns)
    {
        _columns = FeatureOptions.ColumnList(columns, KindName);
        _drop = new HashSet<string>(_columns, StringComparer.Ordinal);
    }

    /// <summary>The columns removed.</summary>
    public IReadOnlyList<string> Columns => _columns;

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public Table Transform(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var kept = new List<Column>(data.Columns.Count);
        foreach (var column in data.Columns)
        {
            if (!_drop.Contains(column.Name))
            {
                kept.Add(column);
            }
        }

        return kept.Count == data.Columns.Count ? data : new Table(kept);
    }

    RowStep? IRowCompilable.CompileRow(RowLayout layout)
    {
        foreach (var name in _columns)
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

    internal static DropColumnsTransformer Load(TransformerReader reader) => new(reader.Get<string[]>("columns"));
}
