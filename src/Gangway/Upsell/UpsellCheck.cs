using System.Globalization;
using Gangway.Bundles;
using Gangway.Data;
using Gangway.Evaluation;
using Gangway.Specs;
using Gangway.Training;

namespace Gangway.Upsell;

/// <summary>
/// Holds a model's upsell figures against labelled reference data (<c>gangway upsell check</c> and the promotion
/// <c>upsell</c> gate): for each tier above the lowest and each stratum group (e.g. each value of Sex), the mean
/// probability <c>/upsell</c> gives the rows moved into the tier from a lower one, next to the observed positive rate of
/// the group's rows already in that tier, each with a seeded bootstrap interval, and the gap between them; plus the share
/// of rows whose probability falls when they move up. A small gap says the model's upgrade figures agree with what
/// happened to such rows in that tier; it does not make them causal. Stateless and thread-safe.
/// </summary>
public static class UpsellCheck
{
    /// <summary>The group name of all rows, used when no strata are given and for the overall falling share.</summary>
    public const string AllRows = "all";

    /// <summary>Reads labelled data from <paramref name="source"/> (checked against the bundle's contract, as evaluation does) and checks it.</summary>
    /// <param name="bundle">The model; its spec must have an <c>upsell:</c> section.</param>
    /// <param name="source">Labelled reference data with the model's inputs and target.</param>
    /// <param name="strata">Stratum columns instead of the spec's <c>upsell.strata</c>, or null for the spec's.</param>
    /// <param name="bootstrap">Resamples and confidence (default 1,000 and 0.95); the seed is replaced by the spec's <c>seed</c>.</param>
    /// <param name="warnings">Receives the data contract's warnings.</param>
    /// <exception cref="GangwayException">As <see cref="Run(ModelBundle, Table, IReadOnlyList{string}?, BootstrapOptions?)"/>; or the data breaks the contract; an error about one row names its line.</exception>
    public static UpsellCheckReport Run(ModelBundle bundle, ITableSource source, IReadOnlyList<string>? strata = null, BootstrapOptions? bootstrap = null, IProgress<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(source);
        var data = SpecData.ReadLabelledWithLines(bundle.Schema, source);
        BundleEvaluator.CheckContract(bundle, data, "The upsell reference data", warnings);
        return SpecData.AtLines(data.Lines, () => Run(bundle, data.Table, strata, bootstrap));
    }

    /// <summary>Checks the model's upsell figures against an in-memory labelled table.</summary>
    /// <param name="bundle">The model; its spec must have an <c>upsell:</c> section.</param>
    /// <param name="labelled">Labelled rows with the model's inputs, its target and the stratum columns.</param>
    /// <param name="strata">Stratum columns instead of the spec's <c>upsell.strata</c>, or null for the spec's.</param>
    /// <param name="bootstrap">Resamples and confidence (default 1,000 and 0.95); the seed is replaced by the spec's <c>seed</c>.</param>
    /// <exception cref="GangwayException">
    /// The spec has no upsell section (NotFound); a stratum column is missing or is the tier column, a label is missing,
    /// a row's tier is not one of the order, or there are no rows (InvalidInput); bad bootstrap options (InvalidConfiguration).
    /// </exception>
    public static UpsellCheckReport Run(ModelBundle bundle, Table labelled, IReadOnlyList<string>? strata = null, BootstrapOptions? bootstrap = null)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(labelled);
        labelled.RequireRows($"check the upsell figures of '{bundle.Name}'");
        var calculator = new UpsellCalculator(bundle);
        var spec = ModelSpecReader.Parse(bundle.SpecText, $"{bundle.Name} (spec stored in the bundle)", contract: bundle.Contract);
        var upsell = calculator.Spec;
        var strataColumns = strata ?? upsell.Strata;
        CheckStrata(strataColumns, labelled, upsell.Column);
        var options = (bootstrap ?? new BootstrapOptions()).Validated() with { Seed = spec.Seed };

        var results = calculator.Evaluate(labelled);
        var tierIndex = upsell.Order.Select((tier, i) => (tier, i)).ToDictionary(t => t.tier, t => t.i, StringComparer.Ordinal);
        var tiers = results.Select(r => tierIndex[r.CurrentTier]).ToArray();
        var actual = Labels(labelled, bundle.Schema);
        var groups = Groups(labelled, strataColumns);

        var cells = new List<UpsellCell>();
        for (var tier = 1; tier < upsell.Order.Count; tier++)
        {
            cells.AddRange(groups.Select(g => Cell(upsell.Order[tier], tier, g, tiers, results, actual, options)));
        }

        var falls = new List<FallingShare> { Falls(null, AllRows, Enumerable.Range(0, labelled.RowCount), results) };
        if (strataColumns.Count > 0)
        {
            falls.AddRange(groups.Select(g => Falls(g.Stratum, g.Name, g.Rows, results)));
        }

        return new UpsellCheckReport(bundle.Name, upsell.Column, upsell.Order, [.. strataColumns], upsell.Monotone, labelled.RowCount, options, cells, falls);
    }

    private static UpsellCell Cell(string tierName, int tier, Group group, int[] tiers, IReadOnlyList<UpsellResult> results, bool[] actual, BootstrapOptions options)
    {
        double[] moved = [.. group.Rows.Where(r => tiers[r] < tier).Select(r => results[r].Tiers[tier - tiers[r]].Probability)];
        double[] observed = [.. group.Rows.Where(r => tiers[r] == tier).Select(r => actual[r] ? 1.0 : 0.0)];
        double? mean = moved.Length > 0 ? moved.Average() : null;
        double? rate = observed.Length > 0 ? observed.Average() : null;
        double? gap = mean - rate;
        if (moved.Length < BootstrapOptions.MinimumRows || observed.Length < BootstrapOptions.MinimumRows)
        {
            var note = string.Create(CultureInfo.InvariantCulture, $"{moved.Length} moved and {observed.Length} observed rows: too few for an interval (at least {BootstrapOptions.MinimumRows} each)");
            return new UpsellCell(tierName, group.Stratum, group.Name, moved.Length, mean, null, observed.Length, rate, null, gap, null, note);
        }

        var (meanInterval, rateInterval, gapInterval) = MeanBootstrap.Intervals(moved, observed, options);
        return new UpsellCell(tierName, group.Stratum, group.Name, moved.Length, mean, meanInterval, observed.Length, rate, rateInterval, gap, gapInterval, null);
    }

    private static FallingShare Falls(string? stratum, string group, IEnumerable<int> rows, IReadOnlyList<UpsellResult> results)
    {
        int count = 0, oneTier = 0, anyStep = 0;
        foreach (var row in rows)
        {
            var path = results[row].Tiers;
            if (path.Count < 2)
            {
                continue;
            }

            count++;
            oneTier += path[1].Probability < path[0].Probability ? 1 : 0;
            anyStep += Enumerable.Range(1, path.Count - 1).Any(i => path[i].Probability < path[i - 1].Probability) ? 1 : 0;
        }

        return new FallingShare(stratum, group, count, oneTier, anyStep);
    }

    private static void CheckStrata(IReadOnlyList<string> strata, Table data, string tierColumn)
    {
        foreach (var stratum in strata)
        {
            if (stratum == tierColumn)
            {
                throw new GangwayException(ErrorKind.InvalidInput, $"Stratum '{stratum}' is the upsell tier column itself; the check already reports each tier.");
            }

            if (!data.Contains(stratum))
            {
                throw new GangwayException(ErrorKind.InvalidInput, $"Could not find stratum column '{stratum}' in the reference data. Columns present: {NameList.Of(data.ColumnNames)}.");
            }
        }
    }

    private static bool[] Labels(Table data, InputSchema schema)
    {
        var label = data[schema.Target];
        var positive = schema.PositiveClass ?? "1";
        if (label is NumericColumn && double.TryParse(positive, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            positive = Column.FormatNumber(number);
        }

        var actual = new bool[data.RowCount];
        for (var row = 0; row < actual.Length; row++)
        {
            actual[row] = (label.FormatValue(row) ?? throw new GangwayException(
                ErrorKind.InvalidInput,
                $"Column '{label.Name}' must have a value on every row to check upsell figures; row {row} is missing.",
                row,
                label.Name)) == positive;
        }

        return actual;
    }

    private static List<Group> Groups(Table data, IReadOnlyList<string> strata)
    {
        if (strata.Count == 0)
        {
            return [new Group(null, AllRows, [.. Enumerable.Range(0, data.RowCount)])];
        }

        var groups = new List<Group>();
        foreach (var stratum in strata)
        {
            var column = data[stratum];
            groups.AddRange(Enumerable.Range(0, data.RowCount)
                .GroupBy(row => column.FormatValue(row) ?? SliceMetrics.MissingValue, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new Group(stratum, g.Key, [.. g])));
        }

        return groups;
    }

    private sealed record Group(string? Stratum, string Name, int[] Rows);
}
