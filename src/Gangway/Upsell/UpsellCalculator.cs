using Gangway.Bundles;
using Gangway.Data;
using Gangway.Learners;
using Gangway.Pipelines;
using Gangway.Specs;

namespace Gangway.Upsell;

/// <summary>
/// Answers "would a higher tier change the outcome?" for a model whose spec has an <c>upsell:</c> section: each row is
/// scored as it is and once per higher tier, with the tier column and the declared fields (e.g. a price) set to that
/// tier's value from the training profile, and the upgrade with the largest gain is recommended when the gain reaches a
/// threshold. This is what the model says about rows like these, not a causal effect of changing the tier.
/// </summary>
/// <remarks>Built once per bundle; immutable and safe to use from several threads at once.</remarks>
public sealed class UpsellCalculator
{
    private readonly ITransformer _model;
    private readonly UpsellSpec _upsell;
    private readonly ColumnType _tierType;
    private readonly Dictionary<string, int> _tierByKey = new(StringComparer.Ordinal);
    private readonly double[][] _fieldValues;

    /// <summary>Prepares the counterfactual of <paramref name="bundle"/>'s spec.</summary>
    /// <exception cref="GangwayException">
    /// The spec has no <c>upsell:</c> section, or the bundle's profile lacks a per-tier value of a field (NotFound).
    /// </exception>
    public UpsellCalculator(ModelBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var spec = ModelSpecReader.Parse(bundle.SpecText, $"{bundle.Name} (spec stored in the bundle)", contract: bundle.Contract);
        _model = bundle.Model;
        _upsell = spec.Upsell ?? throw new GangwayException(
            ErrorKind.NotFound,
            $"Model '{bundle.Name}' has no upsell section in its spec, so it cannot recommend upgrades. Add 'upsell:' (column, order, fields) to the spec and train again.");
        _tierType = spec.Inputs.First(c => c.Name == _upsell.Column).Type;
        for (var tier = 0; tier < _upsell.Order.Count; tier++)
        {
            _tierByKey[UpsellSpec.TierKey(_upsell.Order[tier], _tierType)!] = tier;
        }

        _fieldValues = [.. _upsell.Fields.Select(field => TierMedians(bundle, field))];
    }

    /// <summary>The counterfactual this calculator applies, as declared in the spec.</summary>
    public UpsellSpec Spec => _upsell;

    /// <summary>
    /// Scores every row in its current tier and in each higher tier, in one call to the model, and recommends the
    /// best upgrade when it gains at least <paramref name="threshold"/>.
    /// </summary>
    /// <param name="rows">Input rows with the model's inputs (extra columns are ignored).</param>
    /// <param name="threshold">The smallest gain in probability (0 to 1) to recommend; default the spec's <c>upsell.threshold</c>.</param>
    /// <returns>One result per row, in row order; empty for a table without rows.</returns>
    /// <exception cref="GangwayException">
    /// The threshold is outside [0, 1], a column is missing or has the wrong type, or a row's tier is missing or not one
    /// of the declared tiers (the error names the row); or the model rejects a value (InvalidInput).
    /// </exception>
    public IReadOnlyList<UpsellResult> Evaluate(Table rows, double? threshold = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var limit = threshold ?? _upsell.Threshold;
        if (!double.IsFinite(limit) || limit is < 0 or > 1)
        {
            throw new GangwayException(ErrorKind.InvalidInput, $"The upsell threshold must be a gain in probability between 0 and 1; got {Column.FormatNumber(limit)}.");
        }

        if (rows.RowCount == 0)
        {
            return [];
        }

        var current = CurrentTiers(rows);
        if (_model is MonotoneTierTransformer monotone)
        {
            // One projection per row over all tiers: the current tier's probability is then the one /predict gives, and
            // the higher ones never fall below it.
            var projected = monotone.TierProbabilities(rows).Probabilities;
            return [.. Enumerable.Range(0, rows.RowCount).Select(row => Result(row, current[row], projected[row]!, limit))];
        }

        var plan = CounterfactualPlan.Build(current, _upsell.Order.Count);
        var table = rows.Take(plan.SourceRows).With([TierColumn(rows, plan), .. FieldColumns(rows, plan)]);
        var probabilities = _model.Transform(table).GetNumeric(PredictionColumns.Probability);
        return [.. Enumerable.Range(0, rows.RowCount).Select(row => Result(row, current[row], plan, probabilities, limit))];
    }

    private int[] CurrentTiers(Table rows)
    {
        var column = _tierType == ColumnType.Numeric ? (Column)rows.GetNumeric(_upsell.Column) : rows.GetText(_upsell.Column);
        var tiers = new int[rows.RowCount];
        for (var row = 0; row < tiers.Length; row++)
        {
            var value = column.FormatValue(row);
            tiers[row] = value is not null && _tierByKey.TryGetValue(value, out var tier)
                ? tier
                : throw new GangwayException(
                    ErrorKind.InvalidInput,
                    $"Column '{_upsell.Column}' must be one of the upsell tiers {string.Join(", ", _upsell.Order)}; row {row} has {(value is null ? "no value" : $"'{value}'")}.",
                    row,
                    _upsell.Column);
        }

        return tiers;
    }

    private Column TierColumn(Table rows, CounterfactualPlan plan)
    {
        var original = rows[_upsell.Column];
        if (_tierType == ColumnType.Numeric)
        {
            var numbers = ((NumericColumn)original).Values;
            var order = _upsell.Order.Select(v => double.Parse(UpsellSpec.TierKey(v, _tierType)!, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            return new NumericColumn(_upsell.Column, plan.Select(numbers, order));
        }

        return new TextColumn(_upsell.Column, plan.Select(((TextColumn)original).Values, [.. _upsell.Order]));
    }

    private IEnumerable<Column> FieldColumns(Table rows, CounterfactualPlan plan) =>
        _upsell.Fields.Select((field, i) => new NumericColumn(field.Column, plan.Select(rows.GetNumeric(field.Column).Values, _fieldValues[i])));

    private UpsellResult Result(int row, int currentTier, CounterfactualPlan plan, NumericColumn probabilities, double threshold)
    {
        var first = plan.FirstEntry[row];
        var byTier = new double[_upsell.Order.Count];
        for (var tier = currentTier; tier < byTier.Length; tier++)
        {
            byTier[tier] = Probability(probabilities, first + tier - currentTier, row, tier);
        }

        return Result(row, currentTier, byTier, threshold);
    }

    // byTier holds the row's probability in each tier from its current one up (lower entries are not read).
    private UpsellResult Result(int row, int currentTier, double[] byTier, double threshold)
    {
        var asIs = byTier[currentTier];
        var tiers = new List<TierProbability>(_upsell.Order.Count - currentTier);
        TierProbability? best = null;
        for (var tier = currentTier; tier < _upsell.Order.Count; tier++)
        {
            var probability = byTier[tier];
            var entry = new TierProbability(_upsell.Order[tier], probability, probability - asIs);
            tiers.Add(entry);
            if (tier > currentTier && (best is null || entry.Gain > best.Gain))
            {
                best = entry;
            }
        }

        var recommended = best is { Gain: > 0 } && best.Gain >= threshold ? best : null;
        return new UpsellResult(row, _upsell.Order[currentTier], tiers, best, recommended, threshold);
    }

    private double Probability(NumericColumn probabilities, int entry, int row, int tier) =>
        probabilities[entry] is var p && double.IsFinite(p)
            ? p
            : throw new GangwayException(
                ErrorKind.InvalidInput,
                $"The model gave no probability for row {row} in tier '{_upsell.Order[tier]}' of '{_upsell.Column}'.",
                row,
                _upsell.Column);

    private double[] TierMedians(ModelBundle bundle, UpsellFieldSpec field)
    {
        var medians = bundle.Profile.FindGroupMedians(_upsell.Column, field.Column) ?? throw new GangwayException(
            ErrorKind.NotFound,
            $"Model '{bundle.Name}' has no per-tier medians of '{field.Column}' by '{_upsell.Column}' in its profile; train it again with this version of Gangway.");
        return [.. _upsell.Order.Select(tier => medians.TryGetValue(UpsellSpec.TierKey(tier, _tierType)!, out var median)
            ? median
            : throw new GangwayException(
                ErrorKind.NotFound,
                $"Model '{bundle.Name}' has no median of '{field.Column}' for tier '{tier}' of '{_upsell.Column}': no training row of that tier has a value. Tiers with a median: {string.Join(", ", medians.Keys)}."))];
    }
}
