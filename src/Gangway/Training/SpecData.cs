using Gangway.Bundles;
using Gangway.Data;
using Gangway.Specs;

namespace Gangway.Training;

/// <summary>Reads and checks data against the columns a spec or bundle declares.</summary>
public static class SpecData
{
    /// <summary>The columns a spec reads: ids, inputs and (optionally) the target.</summary>
    public static IEnumerable<string> ColumnNames(ModelSpec spec, bool includeTarget)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var names = spec.IdColumns.Concat(spec.Inputs).Select(c => c.Name);
        return includeTarget ? names.Append(spec.Target.Column) : names;
    }

    /// <summary>Reads labelled data for <paramref name="spec"/>: the declared columns with their declared types, plus the target.</summary>
    /// <exception cref="GangwayException">The file is missing, a column is absent, or a value does not fit its type.</exception>
    public static Table ReadLabelled(ModelSpec spec, string path)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var types = spec.IdColumns.Concat(spec.Inputs).ToDictionary(c => c.Name, c => c.Type, StringComparer.Ordinal);
        return CsvReader.ReadFile(path, LabelledOptions(spec, types));
    }

    /// <summary>Like <see cref="ReadLabelled(ModelSpec, string)"/>, keeping the line where each row starts for messages.</summary>
    internal static CsvChunk ReadLabelledWithLines(ModelSpec spec, string path) => ReadLabelledWithLines(spec, new CsvFileSource(path));

    /// <summary>Reads labelled data for <paramref name="spec"/> from any source (e.g. a parser), keeping the line of each row.</summary>
    internal static CsvChunk ReadLabelledWithLines(ModelSpec spec, ITableSource source)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var types = spec.IdColumns.Concat(spec.Inputs).ToDictionary(c => c.Name, c => c.Type, StringComparer.Ordinal);
        if (spec.Contract?.Find(spec.Target.Column) is { } target)
        {
            types[target.Name] = target.PhysicalType;
        }

        return ReadWhole(source, LabelledOptions(spec, types));
    }

    // The inputs and the target must be there; the ids are read when present (training never needs them).
    private static CsvReadOptions LabelledOptions(ModelSpec spec, IReadOnlyDictionary<string, ColumnType> types) => new()
    {
        ColumnTypes = types,
        Columns = [.. spec.Inputs.Select(c => c.Name), spec.Target.Column],
        OptionalColumns = [.. spec.IdColumns.Select(c => c.Name)],
    };

    /// <summary>Like <see cref="ReadLabelled(InputSchema, string)"/>, keeping the line where each row starts for messages.</summary>
    internal static CsvChunk ReadLabelledWithLines(InputSchema schema, ITableSource source) => ReadWhole(source, ReadOptions(schema, includeTarget: true));

    /// <summary>
    /// Runs <paramref name="action"/> on rows read from a file; an error about one row names its line instead of its
    /// zero-based row, which only makes sense to someone holding the table.
    /// </summary>
    internal static T AtLines<T>(IReadOnlyList<long> lines, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (GangwayException ex) when (ex.Row is { } row && row >= 0 && row < lines.Count)
        {
            throw ex.WithRowLabel($"line {lines[row].ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }
    }

    /// <summary>Reads labelled data for a trained model: the schema's columns with their types, plus the target.</summary>
    public static Table ReadLabelled(InputSchema schema, string path)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return CsvReader.ReadFile(path, ReadOptions(schema, includeTarget: true));
    }

    /// <summary>
    /// CSV options that read exactly the columns of <paramref name="schema"/>, typed as the model expects; its id columns
    /// are read when the data has them and are not required.
    /// </summary>
    public static CsvReadOptions ReadOptions(InputSchema schema, bool includeTarget, InvalidRowPolicy invalidRows = InvalidRowPolicy.Fail)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var features = schema.Columns.Where(c => c.Role != ColumnRole.Id).Select(c => c.Name);
        return new CsvReadOptions
        {
            ColumnTypes = schema.Columns.ToDictionary(c => c.Name, c => c.Type, StringComparer.Ordinal),
            Columns = [.. includeTarget ? features.Append(schema.Target) : features],
            OptionalColumns = [.. schema.Columns.Where(c => c.Role == ColumnRole.Id).Select(c => c.Name)],
            InvalidRows = invalidRows,
        };
    }

    private static CsvChunk ReadWhole(ITableSource source, CsvReadOptions options) =>
        source.ReadChunks(options with { ChunkSize = int.MaxValue }).First();

    /// <summary>Keeps the spec's columns (extra columns are ignored; id columns may be absent) and checks each declared type.</summary>
    /// <exception cref="GangwayException">An input (or the target) is missing, or a column has the wrong type.</exception>
    public static Table Conform(ModelSpec spec, Table data, bool includeTarget)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(data);
        var selected = data.Select(ColumnNames(spec, includeTarget).Where(name => data.Contains(name) || !spec.IdColumns.Any(id => id.Name == name)));
        foreach (var column in spec.IdColumns.Where(id => data.Contains(id.Name)).Concat(spec.Inputs))
        {
            _ = column.Type == ColumnType.Numeric ? (Column)selected.GetNumeric(column.Name) : selected.GetText(column.Name);
        }

        return selected;
    }
}
