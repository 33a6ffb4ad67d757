using System.Collections.ObjectModel;
using Gangway.Data;
using Gangway.Pipelines;

namespace Gangway.Features;

/// <summary>
/// Adds a text column with the honorific found in a name such as <c>"Kelly, Mr. James"</c>: the text after the first
/// comma, trimmed, up to the first period, mapped through a title map (unmapped titles, and names with no comma or no
/// period, give <see cref="OtherTitle"/>; a missing name gives a missing title). Like pandas'
/// <c>str.extract(' ([A-Za-z]+)\.')</c> followed by <c>replace</c>; scikit-learn has no equivalent. Runs in linear time
/// whatever the input: titles longer than <see cref="MaxTitleLength"/> characters are never looked at.
/// </summary>
public sealed class TitleExtractingEstimator : IEstimator<TitleExtractingTransformer>
{
    /// <summary>The longest candidate title considered; a longer one maps to <see cref="OtherTitle"/>.</summary>
    public const int MaxTitleLength = 30;

    /// <summary>Creates the step.</summary>
    /// <param name="nameColumn">The text column holding names; default <c>Name</c>.</param>
    /// <param name="outputColumn">The text column to add (or replace); default <c>Title</c>.</param>
    /// <param name="titleMap">
    /// Raw title → output title, compared ordinally. Default: Mr→Mr; Mrs, Mme→Mrs; Miss, Mlle, Ms→Miss; Master→Master.
    /// </param>
    /// <param name="otherTitle">The output for every other title; default <c>Rare</c>.</param>
    /// <exception cref="GangwayException">A blank column name or title, or a map key longer than <see cref="MaxTitleLength"/>.</exception>
    public TitleExtractingEstimator(
        string nameColumn = "Name",
        string outputColumn = "Title",
        IReadOnlyDictionary<string, string>? titleMap = null,
        string otherTitle = "Rare")
    {
        NameColumn = FeatureOptions.ColumnName(nameColumn, TitleExtractingTransformer.KindName, "from");
        OutputColumn = FeatureOptions.ColumnName(outputColumn, TitleExtractingTransformer.KindName, "to");
        if (string.IsNullOrWhiteSpace(otherTitle))
        {
            throw new GangwayException(ErrorKind.InvalidConfiguration, "'title' needs a non-blank other title.");
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (raw, mapped) in titleMap ?? DefaultTitleMap)
        {
            if (string.IsNullOrWhiteSpace(raw) || raw.Length > MaxTitleLength || string.IsNullOrWhiteSpace(mapped))
            {
                throw new GangwayException(
                    ErrorKind.InvalidConfiguration,
                    $"'title' map entry '{raw}' → '{mapped}' is not usable: titles must be non-blank and at most {MaxTitleLength} characters.");
            }

            map[raw] = mapped;
        }

        TitleMap = new ReadOnlyDictionary<string, string>(map);
        OtherTitle = otherTitle;
    }

    /// <summary>The default map: Mr→Mr; Mrs, Mme→Mrs; Miss, Mlle, Ms→Miss; Master→Master.</summary>
    public static IReadOnlyDictionary<string, string> DefaultTitleMap { get; } = new ReadOnlyDictionary<string, string>(
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Mr"] = "Mr",
            ["Mrs"] = "Mrs",
            ["Mme"] = "Mrs",
            ["Miss"] = "Miss",
            ["Mlle"] = "Miss",
            ["Ms"] = "Miss",
            ["Master"] = "Master",
        });

    /// <summary>The text column holding names.</summary>
    public string NameColumn { get; }

    /// <summary>The text column the titles are written to.</summary>
    public string OutputColumn { get; }

    /// <summary>Raw title → output title.</summary>
    public IReadOnlyDictionary<string, string> TitleMap { get; }

    /// <summary>The output for titles not in <see cref="TitleMap"/>.</summary>
    public string OtherTitle { get; }

    /// <inheritdoc />
    /// <exception cref="GangwayException">The name column is missing or holds numbers, or the data has no rows.</exception>
    public TitleExtractingTransformer Fit(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.GetText(NameColumn);
        data.RequireRows($"fit '{TitleExtractingTransformer.KindName}'");
        return new TitleExtractingTransformer(NameColumn, OutputColumn, TitleMap, OtherTitle);
    }
}
