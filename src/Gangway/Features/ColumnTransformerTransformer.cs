using Gangway.Data;
using Gangway.Pipelines;

namespace Gangway.Features;

/// <summary>
/// The fitted form of <see cref="ColumnTransformerEstimator"/>: applies each fitted part to its columns and concatenates
/// the outputs, then the remainder columns when <see cref="Remainder"/> is <see cref="RemainderPolicy.Passthrough"/>.
/// Saves its parts as nested transformers. Immutable and thread-safe.
/// </summary>
public sealed class ColumnTransformerTransformer : ITransformer
{
    /// <summary>The kind this transformer is saved under.</summary>
    public const string KindName = "column_transformer";

    private readonly FittedColumnTransformerPart[] _parts;
    private readonly HashSet<string> _used;

    internal ColumnTransformerTransformer(IEnumerable<FittedColumnTransformerPart> parts, RemainderPolicy remainder)
    {
        _parts = [.. parts];
        _used = new HashSet<string>(_parts.SelectMany(p => p.Columns), StringComparer.Ordinal);
        Remainder = remainder;
    }

    /// <summary>The fitted parts, in output order.</summary>
    public IReadOnlyList<FittedColumnTransformerPart> Parts => _parts;

    /// <summary>What happens to columns no part uses.</summary>
    public RemainderPolicy Remainder { get; }

    /// <summary>The columns some part uses.</summary>
    public IReadOnlySet<string> UsedColumns => _used;

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    /// <exception cref="GangwayException">A part's column is missing, a part fails, or two outputs share a name.</exception>
    public Table Transform(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var output = new List<Column>(data.Columns.Count);
        foreach (var part in _parts)
        {
            var input = new Column[part.Columns.Count];
            for (var i = 0; i < input.Length; i++)
            {
                input[i] = data[part.Columns[i]];
            }

            output.AddRange(part.Transformer.Transform(new Table(input)).Columns);
        }

        if (Remainder == RemainderPolicy.Passthrough)
        {
            foreach (var column in data.Columns)
            {
                if (!_used.Contains(column.Name))
                {
                    output.Add(column);
                }
            }
        }

        return new Table(output);
    }

    /// <inheritdoc />
    public void Save(TransformerWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.State["names"] = SavedState.Strings(_parts.Select(p => p.Name));
        writer.State["columns"] = SavedState.StringLists(_parts.Select(p => p.Columns));
        writer.State["remainder"] = Remainder == RemainderPolicy.Passthrough ? "passthrough" : "drop";
        writer.WriteTransformers("parts", _parts.Select(p => p.Transformer));
    }

    internal static ColumnTransformerTransformer Load(TransformerReader reader)
    {
        var names = reader.Get<string[]>("names");
        var columns = reader.Get<string[][]>("columns");
        var remainder = reader.GetString("remainder") switch
        {
            "passthrough" => RemainderPolicy.Passthrough,
            "drop" => RemainderPolicy.Drop,
            var other => throw reader.Corrupt("remainder", $"has unknown value '{other}'"),
        };
        var transformers = reader.ReadTransformers("parts");
        SavedState.RequireSameCount(reader, "columns", columns.Length, names.Length);
        SavedState.RequireSameCount(reader, "parts", transformers.Count, names.Length);
        var parts = new FittedColumnTransformerPart[names.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = new FittedColumnTransformerPart(names[i], transformers[i], columns[i] ?? throw reader.Corrupt("columns", "has a null entry"));
        }

        return new ColumnTransformerTransformer(parts, remainder);
    }
}
