using Gangway.Data;
using Gangway.Pipelines;

namespace Gangway.Features;

/// <summary>
/// The fitted form of <see cref="TitleExtractingEstimator"/> (it learns nothing; it carries the options).
/// Looks titles up without allocating, in time linear in the name's length. Immutable and thread-safe.
/// </summary>
public sealed class TitleExtractingTransformer : ITransformer, IRowCompilable
{
    /// <summary>The kind this transformer is saved under.</summary>
    public const string KindName = "title";

    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    internal TitleExtractingTransformer(string nameColumn, string outputColumn, IReadOnlyDictionary<string, string> titleMap, string otherTitle)
    {
        NameColumn = nameColumn;
        OutputColumn = outputColumn;
        TitleMap = titleMap;
        OtherTitle = otherTitle;
        _lookup = new Dictionary<string, string>(titleMap, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The text column holding names.</summary>
    public string NameColumn { get; }

    /// <summary>The text column the titles are written to.</summary>
    public string OutputColumn { get; }

    /// <summary>Raw title → output title.</summary>
    public IReadOnlyDictionary<string, string> TitleMap { get; }

    /// <summary>The output for titles not in <see cref="TitleMap"/>.</summary>
    public string OtherTitle { get; }

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    /// <exception cref="GangwayException">The name column is missing or holds numbers.</exception>
    public Table Transform(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var names = data.GetText(NameColumn).Values;
        var titles = new string?[names.Length];
        for (var i = 0; i < titles.Length; i++)
        {
            titles[i] = names[i] is { } name ? Extract(name) : null;
        }

        return data.With(new TextColumn(OutputColumn, titles));
    }

    RowStep? IRowCompilable.CompileRow(RowLayout layout)
    {
        if (!layout.TryGet(NameColumn, ColumnType.Text, out var name))
        {
            return null;
        }

        var title = layout.Put(OutputColumn, ColumnType.Text);
        return row =>
        {
            row.Texts[title] = row.Texts[name] is { } value ? Extract(value) : null;
            return true;
        };
    }

    /// <summary>The mapped title of one name (never null).</summary>
    public string Extract(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var comma = name.AsSpan().IndexOf(',');
        if (comma < 0)
        {
            return OtherTitle;
        }

        var rest = name.AsSpan(comma + 1).TrimStart();
        // Only the first MaxTitleLength + 1 characters can hold a period that ends a usable title.
        var window = rest[..Math.Min(rest.Length, TitleExtractingEstimator.MaxTitleLength + 1)];
        var period = window.IndexOf('.');
        return period >= 0 && _lookup.TryGetValue(window[..period].Trim(), out var title) ? title : OtherTitle;
    }

    /// <inheritdoc />
    public void Save(TransformerWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.State["from"] = NameColumn;
        writer.State["to"] = OutputColumn;
        writer.State["other"] = OtherTitle;
        var map = new System.Text.Json.Nodes.JsonObject();
        foreach (var (raw, mapped) in TitleMap.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            map[raw] = mapped;
        }

        writer.State["map"] = map;
    }

    internal static TitleExtractingTransformer Load(TransformerReader reader)
    {
        var map = reader.Get<Dictionary<string, string>>("map");
        try
        {
            var options = new TitleExtractingEstimator(reader.GetString("from"), reader.GetString("to"), map, reader.GetString("other"));
            return new TitleExtractingTransformer(options.NameColumn, options.OutputColumn, options.TitleMap, options.OtherTitle);
        }
        catch (GangwayException ex)
        {
            throw reader.Corrupt("map", $"is not usable: {ex.Message}");
        }
    }
}
