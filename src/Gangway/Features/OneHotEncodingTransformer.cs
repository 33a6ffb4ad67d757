using Gangway.Data;
using Gangway.Pipelines;

namespace Gangway.Features;

/// <summary>
/// The fitted form of <see cref="OneHotEncodingEstimator"/>: replaces each source column with 0/1 columns for the
/// categories learned at fit (appended after the other columns). Unknown categories and missing values follow
/// <see cref="Unknown"/>. Immutable and thread-safe.
/// </summary>
public sealed class OneHotEncodingTransformer : ITransformer, IRowCompilable
{
    /// <summary>The kind this transformer is saved under.</summary>
    public const string KindName = "one_hot";

    private readonly OneHotColumn[] _encodings;
    private readonly int _outputCount;

    internal OneHotEncodingTransformer(IEnumerable<OneHotColumn> encodings, UnknownCategoryPolicy unknown, bool dropFirst)
    {
        _encodings = [.. encodings];
        Unknown = unknown;
        DropFirst = dropFirst;
        Columns = [.. _encodings.Select(e => e.Name)];
        Categories = [.. _encodings.Select(e => e.CategoryNames)];
        OutputColumns = [.. _encodings.SelectMany(e => e.OutputNames)];
        _outputCount = OutputColumns.Count;
    }

    /// <summary>The source columns, which the output no longer has.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The sorted categories of each source column, formatted as in the output names (like scikit-learn's <c>categories_</c>).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Categories { get; }

    /// <summary>The 0/1 columns added, in order.</summary>
    public IReadOnlyList<string> OutputColumns { get; }

    /// <summary>What happens to unknown categories and missing values.</summary>
    public UnknownCategoryPolicy Unknown { get; }

    /// <summary>Whether the first category's column is left out.</summary>
    public bool DropFirst { get; }

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    /// <exception cref="GangwayException">A column is missing or changed type; or, under <see cref="UnknownCategoryPolicy.Error"/>, a value is unknown or missing.</exception>
    public Table Transform(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Span<bool> dropped = data.Columns.Count <= 256 ? stackalloc bool[data.Columns.Count] : new bool[data.Columns.Count];
        var sources = new Column[_encodings.Length];
        for (var i = 0; i < _encodings.Length; i++)
        {
            var encoding = _encodings[i];
            sources[i] = encoding.Type == ColumnType.Numeric ? data.GetNumeric(encoding.Name) : data.GetText(encoding.Name);
            dropped[data.IndexOf(encoding.Name)] = true;
        }

        var added = new Column[_outputCount];
        var next = 0;
        for (var i = 0; i < _encodings.Length; i++)
        {
            next = Encode(_encodings[i], sources[i], added, next);
        }

        return data.DropAndAppend(dropped, added);
    }

    RowStep? IRowCompilable.CompileRow(RowLayout layout)
    {
        var sources = new int[_encodings.Length];
        for (var i = 0; i < _encodings.Length; i++)
        {
            if (!layout.TryGet(_encodings[i].Name, _encodings[i].Type, out sources[i]))
            {
                return null;
            }
        }

        foreach (var encoding in _encodings)
        {
            layout.Remove(encoding.Name);
        }

        // The table path refuses an output that repeats a column it keeps, or another output.
        if (OutputColumns.Any(layout.Contains) || OutputColumns.Distinct(StringComparer.Ordinal).Count() != OutputColumns.Count)
        {
            return null;
        }

        var outputs = _encodings.Select(e => e.OutputNames.Select(name => layout.Put(name, ColumnType.Numeric)).ToArray()).ToArray();
        var encodings = _encodings;
        var offset = DropFirst ? 1 : 0;
        var error = Unknown == UnknownCategoryPolicy.Error;
        return row =>
        {
            for (var i = 0; i < encodings.Length; i++)
            {
                var encoding = encodings[i];
                var index = encoding.Type == ColumnType.Numeric ? encoding.IndexOf(row.Numbers[sources[i]]) : encoding.IndexOf(row.Texts[sources[i]]);
                if (index < 0 && error)
                {
                    return false;
                }

                var slots = outputs[i];
                foreach (var slot in slots)
                {
                    row.Numbers[slot] = 0;
                }

                index -= offset;
                if (index >= 0)
                {
                    row.Numbers[slots[index]] = 1;
                }
            }

            return true;
        };
    }

    /// <inheritdoc />
    public void Save(TransformerWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.State["columns"] = SavedState.Strings(Columns);
        writer.State["types"] = SavedState.Strings(_encodings.Select(e => SavedState.TypeName(e.Type)));
        writer.State["categories"] = SavedState.StringLists(Categories);
        writer.State["unknown"] = Unknown == UnknownCategoryPolicy.Error ? "error" : "all_zeros";
        writer.State["drop_first"] = DropFirst;
    }

    internal static OneHotEncodingTransformer Load(TransformerReader reader)
    {
        var columns = reader.Get<string[]>("columns");
        var types = reader.GetStrings("types");
        var categories = reader.Get<string[][]>("categories");
        SavedState.RequireSameCount(reader, "types", types.Length, columns.Length);
        SavedState.RequireSameCount(reader, "categories", categories.Length, columns.Length);
        var unknown = reader.GetString("unknown") switch
        {
            "error" => UnknownCategoryPolicy.Error,
            "all_zeros" => UnknownCategoryPolicy.AllZeros,
            var other => throw reader.Corrupt("unknown", $"has unknown value '{other}'"),
        };
        var dropFirst = reader.Get<bool>("drop_first");
        var encodings = new OneHotColumn[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            try
            {
                encodings[i] = OneHotColumn.FromNames(columns[i], SavedState.ReadType(reader, "types", types[i]), categories[i], dropFirst);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                throw reader.Corrupt("categories", $"has an unusable category list for column '{columns[i]}': {ex.Message}");
            }
        }

        return new OneHotEncodingTransformer(encodings, unknown, dropFirst);
    }

    // Writes the encoding's 0/1 columns into `added` from position `next`; returns the position after them.
    private int Encode(OneHotColumn encoding, Column source, Column[] added, int next)
    {
        var rows = source.Length;
        var outputs = new double[encoding.OutputNames.Count][];
        for (var o = 0; o < outputs.Length; o++)
        {
            outputs[o] = new double[rows];
        }

        var offset = DropFirst ? 1 : 0;
        for (var row = 0; row < rows; row++)
        {
            var index = encoding.IndexOf(source, row);
            if (index < 0 && Unknown == UnknownCategoryPolicy.Error)
            {
                throw UnknownValue(encoding, source, row);
            }

            index -= offset;
            if (index >= 0)
            {
                outputs[index][row] = 1;
            }
        }

        for (var o = 0; o < outputs.Length; o++)
        {
            added[next++] = new NumericColumn(encoding.OutputNames[o], outputs[o]);
        }

        return next;
    }

    private static GangwayException UnknownValue(OneHotColumn encoding, Column source, int row)
    {
        var known = string.Join(", ", encoding.CategoryNames);
        var message = source.IsMissing(row)
            ? $"Column '{encoding.Name}' is missing a value in row {row}; one-hot encoding needs one of the known categories: {known}. Impute the column first (step 'impute') or use unknown: all_zeros."
            : $"Column '{encoding.Name}' has unknown category '{source.FormatValue(row)}' in row {row}; known categories: {known}.";
        return new GangwayException(ErrorKind.InvalidInput, message, row, encoding.Name);
    }
}
