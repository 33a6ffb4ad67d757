using System.Text;
using Gangway.Bundles;
using Gangway.Data;

namespace Gangway.Monitoring;

public sealed partial class TableSketch
{
    /// <summary>The version of the JSON layout written by <see cref="ToJson"/>.</summary>
    public const int FormatVersion = 1;

    private const string What = "the table sketch";

    /// <summary>The sketch as indented JSON (camelCase, "\n" line ends); the same sketch always gives the same text.</summary>
    public string ToJson() => GangwayJson.SerializeToString(ToDocument());

    /// <summary>Reads a sketch written by <see cref="ToJson"/>.</summary>
    /// <exception cref="GangwayException">
    /// The JSON is malformed or inconsistent, or has a newer format version (<see cref="ErrorKind.CorruptArtifact"/>).
    /// </exception>
    public static TableSketch FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return FromUtf8(Encoding.UTF8.GetBytes(json), What);
    }

    internal byte[] ToUtf8() => GangwayJson.Serialize(ToDocument());

    internal static TableSketch FromUtf8(ReadOnlySpan<byte> utf8, string what)
    {
        var document = GangwayJson.Deserialize<TableSketchDocument>(utf8, what);
        GangwayException Corrupt(string rule) => new(ErrorKind.CorruptArtifact, $"'{what}' is corrupt: {rule}.");

        if (document.FormatVersion > FormatVersion)
        {
            throw new GangwayException(
                ErrorKind.CorruptArtifact,
                $"'{what}' has format version {document.FormatVersion}; this version of Gangway reads version {FormatVersion}. Upgrade Gangway.");
        }

        if (document.RowCount < 0 || document.K is < KllSketch.MinK or > KllSketch.MaxK || document.CategoryCapacity is < 1 or > CategorySketch.MaxCapacity)
        {
            throw Corrupt($"its row count {document.RowCount}, k {document.K} or category capacity {document.CategoryCapacity} is out of range");
        }

        var columns = document.Columns.Select(c => ReadColumn(c ?? throw Corrupt("a column is null"), what)).ToArray();
        var wrong = columns.FirstOrDefault(c => c.Rows != document.RowCount);
        if (wrong is not null)
        {
            throw Corrupt($"column '{wrong.Name}' has seen {wrong.Rows} rows, not the sketch's {document.RowCount}");
        }

        try
        {
            return new TableSketch(columns, document.K, document.CategoryCapacity) { RowCount = document.RowCount };
        }
        catch (GangwayException ex) when (ex.Kind == ErrorKind.InvalidInput)
        {
            throw Corrupt(ex.Message.TrimEnd('.'));
        }
    }

    private static ColumnSketch ReadColumn(ColumnSketchDocument column, string what)
    {
        var name = $"column '{column.Name}' in '{what}'";
        return (column.Type, column.Quantiles, column.Categories) switch
        {
            (ColumnType.Numeric, { } quantiles, null) => ColumnSketch.Numeric(
                column.Name,
                KllSketch.FromState(quantiles, name),
                NumericLevels.FromState(NumericCategoryLimit, column.Levels, name)),
            (ColumnType.Text, null, { } categories) when column.Levels is null => ColumnSketch.Text(column.Name, CategorySketch.FromState(categories, name)),
            _ => throw new GangwayException(
                ErrorKind.CorruptArtifact,
                $"'{what}' is corrupt: {name} is {column.Type} but does not hold exactly the sketches of that type (numeric: quantiles and levels; text: categories)."),
        };
    }

    private TableSketchDocument ToDocument() => new(
        FormatVersion,
        RowCount,
        K,
        CategoryCapacity,
        [.. _columns.Select(c => new ColumnSketchDocument(c.Name, c.Type, c.Quantiles?.ToState(), c.Levels?.ToState(), c.Categories?.ToState()))]);
}

/// <summary>A <see cref="TableSketch"/> as stored in JSON (e.g. <c>reference.json</c> in a bundle).</summary>
internal sealed record TableSketchDocument(int FormatVersion, long RowCount, int K, int CategoryCapacity, IReadOnlyList<ColumnSketchDocument> Columns);

/// <summary>One column's sketches: quantiles and levels (null once past the limit) for numbers, categories for text.</summary>
internal sealed record ColumnSketchDocument(
    string Name,
    ColumnType Type,
    KllSketchState? Quantiles,
    IReadOnlyList<NumericLevel>? Levels,
    CategorySketchState? Categories);
