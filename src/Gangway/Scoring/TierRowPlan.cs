using Gangway.Data;
using Gangway.Pipelines;
using Gangway.Upsell;

namespace Gangway.Scoring;

/// <summary>
/// What a <see cref="RowScorer"/> changes in a row to score it in another tier of a <see cref="MonotoneTierTransformer"/>:
/// the tier input and each upsell field input, set to the values the transformer's table path writes.
/// </summary>
internal sealed class TierRowPlan
{
    private readonly MonotoneTierTransformer _model;
    private readonly int _tierSlot;
    private readonly double[]? _tierNumbers;
    private readonly string[] _tierTexts;
    private readonly int[] _fieldSlots;
    private readonly double[][] _fieldValues;

    private TierRowPlan(MonotoneTierTransformer model, int tierSlot, double[]? tierNumbers, int[] fieldSlots)
    {
        _model = model;
        _tierSlot = tierSlot;
        _tierNumbers = tierNumbers;
        _tierTexts = [.. model.Order];
        _fieldSlots = fieldSlots;
        _fieldValues = new double[fieldSlots.Length][];
        for (var field = 0; field < fieldSlots.Length; field++)
        {
            _fieldValues[field] = [.. model.FieldValues(field)];
        }
    }

    /// <summary>The number of tiers.</summary>
    public int TierCount => _tierTexts.Length;

    /// <summary>The number of upsell fields the plan sets.</summary>
    public int FieldCount => _fieldSlots.Length;

    /// <summary>The plan for <paramref name="model"/> over the input columns of <paramref name="inputs"/>; null when the tier or a field is not an input the table path could change.</summary>
    public static TierRowPlan? Create(MonotoneTierTransformer model, RowLayout inputs)
    {
        double[]? tierNumbers = null;
        if (inputs.TryGet(model.TierColumn, ColumnType.Numeric, out var tierSlot))
        {
            tierNumbers = model.TierNumbers();
            if (tierNumbers is null)
            {
                return null;
            }
        }
        else if (!inputs.TryGet(model.TierColumn, ColumnType.Text, out tierSlot))
        {
            return null;
        }

        var fieldSlots = new int[model.Fields.Count];
        for (var field = 0; field < fieldSlots.Length; field++)
        {
            if (!inputs.TryGet(model.Fields[field], ColumnType.Numeric, out fieldSlots[field]))
            {
                return null;
            }
        }

        return new TierRowPlan(model, tierSlot, tierNumbers, fieldSlots);
    }

    /// <summary>The tier of <paramref name="row"/> as the table path reads it; -1 when missing or not in the order.</summary>
    public int TierOf(RowValues row)
    {
        if (_tierNumbers is null)
        {
            return _model.TierOf(row.Texts[_tierSlot]);
        }

        return _model.TierOf(row.Numbers[_tierSlot]);
    }

    /// <summary>Copies the row's tier and field values into <paramref name="fields"/> and the returned tuple, to put back with <see cref="Restore"/>.</summary>
    public (double Number, string? Text) Save(RowValues row, Span<double> fields)
    {
        for (var field = 0; field < _fieldSlots.Length; field++)
        {
            fields[field] = row.Numbers[_fieldSlots[field]];
        }

        return (row.Numbers[_tierSlot], row.Texts[_tierSlot]);
    }

    /// <summary>Puts back the values <see cref="Save"/> copied.</summary>
    public void Restore(RowValues row, (double Number, string? Text) tier, ReadOnlySpan<double> fields)
    {
        for (var field = 0; field < _fieldSlots.Length; field++)
        {
            row.Numbers[_fieldSlots[field]] = fields[field];
        }

        row.Numbers[_tierSlot] = tier.Number;
        row.Texts[_tierSlot] = tier.Text;
    }

    /// <summary>Sets the row's tier input to <paramref name="tier"/> and each field input to that tier's training value.</summary>
    public void MoveTo(RowValues row, int tier)
    {
        if (_tierNumbers is null)
        {
            row.Texts[_tierSlot] = _tierTexts[tier];
        }
        else
        {
            row.Numbers[_tierSlot] = _tierNumbers[tier];
        }

        for (var field = 0; field < _fieldSlots.Length; field++)
        {
            row.Numbers[_fieldSlots[field]] = _fieldValues[field][tier];
        }
    }
}
