using System.Collections.ObjectModel;
using Gangway.Data;
using Gangway.Pipelines;

namespace Gangway.Features;

/// <summary>
/// The fitted form of <see cref="ImputingEstimator"/>: replaces missing values with the fill values learned at fit.
/// They are never recomputed from the data being transformed. Immutable and thread-safe.
/// </summary>
public sealed class ImputingTransformer : ITransformer, IRowCompilable
{
    /// <summary>The kind this transformer is saved under.</summary>
    public const string KindName = "impute";

    private readonly string[] _columns;

    // Per column, in _columns order: the text fill value (null for a numeric column) and the numeric one (NaN for text).
    private readonly double[] _numericFills;
    private readonly string?[] _textFills;

    internal ImputingTransformer(
        IEnumerable<string> columns,
        ImputationStrategy strategy,
        Dictionary<string, double> numericFillValues,
        Dictionary<string, string> textFillValues)
    {
        _columns = FeatureOptions.ColumnList(columns, KindName);
        Strategy = strategy;
        NumericFillValues = new ReadOnlyDictionary<string, double>(numericFillValues);
        TextFillValues = new ReadOnlyDictionary<string, string>(textFillValues);
        _numericFills = new double[_columns.Length];
        _textFills = new string?[_columns.Length];
        for (var i = 0; i < _columns.Length; i++)
        {
            _numericFills[i] = numericFillValues.TryGetValue(_columns[i], out var number) ? number : double.NaN;
            _textFills[i] = numericFillValues.ContainsKey(_columns[i]) ? null : textFillValues[_columns[i]];
        }
    }

    /// <summary>The imputed columns.</summary>
    public IReadOnlyList<string> Columns => _columns;

    /// <summary>The strategy the fill values were learned with.</summary>
    public ImputationStrategy Strategy { get; }

    /// <summary>The fill value of each numeric column (like scikit-learn's <c>statistics_</c>).</summary>
    public IReadOnlyDictionary<string, double> NumericFillValues { get; }

    /// <summary>The fill value of each text column.</summary>
    public IReadOnlyDictionary<string, string> TextFillValues { get; }

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    /// <exception cref="GangwayException">A column is missing or no longer has the type it had at fit.</exception>
    public Table Transform(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var outputs = new Column[_columns.Length];
        var changed = false;
        for (var i = 0; i < _columns.Length; i++)
        {
            var name = _columns[i];
            Column source = _textFills[i] is null ? data.GetNumeric(name) : data.GetText(name);
            outputs[i] = source is NumericColumn numbers ? Fill(numbers, _numericFills[i]) : Fill((TextColumn)source, _textFills[i]!);
            changed |= !ReferenceEquals(outputs[i], source);
        }

        // Prediction rows usually have nothing missing; skip rebuilding the table then.
        return changed ? data.With(outputs) : data;
    }

    RowStep? IRowCompilable.CompileRow(RowLayout layout)
    {
        var sources = new int[_columns.Length];
        var outputs = new int[_columns.Length];
        for (var i = 0; i < _columns.Length; i++)
        {
            var type = _textFills[i] is null ? ColumnType.Numeric : ColumnType.Text;
            if (!layout.TryGet(_columns[i], type, out sources[i]))
            {
                return null;
            }

            outputs[i] = layout.Put(_columns[i], type);
        }

        var numericFills = _numericFills;
        var textFills = _textFills;
        return row =>
        {
            for (var i = 0; i < sources.Length; i++)
            {
                if (textFills[i] is { } text)
                {
                    row.Texts[outputs[i]] = row.Texts[sources[i]] ?? text;
                }
                else
                {
                    var value = row.Numbers[sources[i]];
                    row.Numbers[outputs[i]] = double.IsNaN(value) ? numericFills[i] : value;
                }
            }

            return true;
        };
    }

    /// <inheritdoc />
    public void Save(TransformerWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var types = new string[_columns.Length];
        var numbers = new double[_columns.Length];
        var texts = new string?[_columns.Length];
        for (var i = 0; i < _columns.Length; i++)
        {
            var isNumeric = NumericFillValues.TryGetValue(_columns[i], out numbers[i]);
            numbers[i] = isNumeric ? numbers[i] : double.NaN;
            texts[i] = isNumeric ? null : TextFillValues[_columns[i]];
            types[i] = SavedState.TypeName(isNumeric ? ColumnType.Numeric : ColumnType.Text);
        }

        writer.State["strategy"] = ImputingEstimator.NameOf(Strategy);
        writer.State["columns"] = SavedState.Strings(_columns);
        writer.State["types"] = SavedState.Strings(types);
        writer.State["numeric_fill"] = SavedState.Numbers(numbers);
        writer.State["text_fill"] = SavedState.Strings(texts);
    }

    internal static ImputingTransformer Load(TransformerReader reader)
    {
        var columns = reader.Get<string[]>("columns");
        var types = reader.GetStrings("types");
        var numbers = reader.GetDoubles("numeric_fill");
        var texts = reader.GetStrings("text_fill");
        SavedState.RequireSameCount(reader, "types", types.Length, columns.Length);
        SavedState.RequireSameCount(reader, "numeric_fill", numbers.Length, columns.Length);
        SavedState.RequireSameCount(reader, "text_fill", texts.Length, columns.Length);
        var strategy = reader.GetString("strategy") switch
        {
            "mean" => ImputationStrategy.Mean,
            "median" => ImputationStrategy.Median,
            "most_frequent" => ImputationStrategy.MostFrequent,
            "constant" => ImputationStrategy.Constant,
            var other => throw reader.Corrupt("strategy", $"has unknown value '{other}'"),
        };
        var numeric = new Dictionary<string, double>(StringComparer.Ordinal);
        var text = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Length; i++)
        {
            if (SavedState.ReadType(reader, "types", types[i]) == ColumnType.Numeric)
            {
                numeric[columns[i]] = double.IsFinite(numbers[i]) ? numbers[i] : throw reader.Corrupt("numeric_fill", $"has no number for column '{columns[i]}'");
            }
            else
            {
                text[columns[i]] = texts[i] ?? throw reader.Corrupt("text_fill", $"has no text for column '{columns[i]}'");
            }
        }

        return new ImputingTransformer(columns, strategy, numeric, text);
    }

    private static NumericColumn Fill(NumericColumn column, double fill)
    {
        var source = column.Values;
        if (!ContainsNaN(source))
        {
            return column;
        }

        var values = source.ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]))
            {
                values[i] = fill;
            }
        }

        return new NumericColumn(column.Name, values);
    }

    private static bool ContainsNaN(ReadOnlySpan<double> values)
    {
        foreach (var value in values)
        {
            if (double.IsNaN(value))
            {
                return true;
            }
        }

        return false;
    }

    private static TextColumn Fill(TextColumn column, string fill)
    {
        var source = column.Values;
        if (!source.Contains(null))
        {
            return column;
        }

        var values = source.ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            values[i] ??= fill;
        }

        return new TextColumn(column.Name, values);
    }
}
