using Gangway.Bundles;
using Gangway.Data;
using Gangway.Learners;
using Gangway.Pipelines;
using Gangway.Schema;
using Gangway.Upsell;
using Microsoft.Extensions.ObjectPool;

namespace Gangway.Scoring;

/// <summary>
/// Scores one record at a time without building a table: the bundle's feature steps and learner compiled to read and
/// write the slots of a <see cref="RowValues"/>, after the data contract's checks of each value. Made for a service
/// answering one record per request, where a table's per-column arrays cost more than the arithmetic.
/// </summary>
/// <remarks>
/// It scores only rows the table path scores without a word: a row that breaks any rule of the contract (of any
/// severity) or of a step makes <see cref="TryScore"/> return false (an id column the row was not given is not
/// checked: see <see cref="RowValues.IsGiven"/>), and the caller scores it as a table, which reports
/// the problem in full. The answers are bit-identical to <see cref="ITransformer.Transform"/>, checked on the bundle's
/// example rows before a scorer is handed out. A <see cref="MonotoneTierTransformer"/> model is scored as its table path
/// does: its wrapped model in the row's own tier and in every other tier, then projected. Thread-safe; each caller rents
/// its own <see cref="RowValues"/>.
/// </remarks>
public sealed class RowScorer
{
    private readonly ContractCheck[] _contract;
    private readonly RowStep _steps;
    private readonly BinaryClassifierTransformer _learner;
    private readonly int[] _featureSlots;
    private readonly TierRowPlan? _tiers;
    private readonly DefaultObjectPool<RowValues> _rows;

    private RowScorer(ContractCheck[] contract, RowStep steps, BinaryClassifierTransformer learner, int[] featureSlots, TierRowPlan? tiers, int inputCount, int slotCount)
    {
        _contract = contract;
        _steps = steps;
        _learner = learner;
        _featureSlots = featureSlots;
        _tiers = tiers;
        _rows = new DefaultObjectPool<RowValues>(new RowPolicy(inputCount, slotCount), Environment.ProcessorCount * 4);
    }

    /// <summary>
    /// Compiles <paramref name="bundle"/>'s model for single rows, with the checks of <paramref name="contract"/> when given.
    /// Null when some step has no row form (e.g. a column transformer), the model (or the model a
    /// <see cref="MonotoneTierTransformer"/> wraps) does not end in a binary classifier, or the row form disagrees with the table path on any of the bundle's example rows.
    /// </summary>
    public static RowScorer? TryCreate(ModelBundle bundle, SchemaValidator? contract)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var scorer = Compile(bundle.Model, bundle.Schema, contract);
        return scorer is not null && scorer.AgreesWithTable(bundle.Model, bundle.Schema, bundle.Examples) ? scorer : null;
    }

    /// <summary>A cleared row to fill (input column i of the bundle's schema is slot i); give it back with <see cref="Return"/>.</summary>
    public RowValues Rent() => _rows.Get();

    /// <summary>Clears <paramref name="row"/> and keeps it for the next caller.</summary>
    public void Return(RowValues row) => _rows.Return(row);

    /// <summary>Checks and scores <paramref name="row"/>; false when the row breaks a rule (score it as a table to learn which).</summary>
    public bool TryScore(RowValues row, out RowPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(row);
        foreach (var check in _contract)
        {
            if (!check.Passes(row))
            {
                prediction = default;
                return false;
            }
        }

        return TryScoreChecked(row, out prediction);
    }

    private bool TryScoreChecked(RowValues row, out RowPrediction prediction)
    {
        var own = _tiers?.TierOf(row) ?? -1;
        if (!TryScoreInner(row, out var probability))
        {
            prediction = default;
            return false;
        }

        var classProbability = probability;
        if (own >= 0 && !TryProject(row, own, ref probability, out classProbability))
        {
            prediction = default;
            return false;
        }

        var (number, text) = _learner.ClassOf(classProbability);
        prediction = new RowPrediction(probability, number, text);
        return true;
    }

    private bool TryScoreInner(RowValues row, out double probability)
    {
        probability = double.NaN;
        return _steps(row) && _learner.TryScoreRow(row, _featureSlots, out probability);
    }

    // As MonotoneTierTransformer.Transform: the row in every other tier and the projection; the class is the wrapped
    // model's class of the tier the table path takes it from, so it is that tier's raw probability that is classified.
    private bool TryProject(RowValues row, int own, ref double probability, out double classProbability)
    {
        var tiers = _tiers!;
        Span<double> raw = tiers.TierCount <= 32 ? stackalloc double[tiers.TierCount] : new double[tiers.TierCount];
        Span<double> projected = tiers.TierCount <= 32 ? stackalloc double[tiers.TierCount] : new double[tiers.TierCount];
        Span<double> fields = tiers.FieldCount <= 32 ? stackalloc double[tiers.FieldCount] : new double[tiers.FieldCount];
        raw[own] = probability;
        var saved = tiers.Save(row, fields);
        classProbability = double.NaN;
        try
        {
            for (var tier = 0; tier < raw.Length; tier++)
            {
                if (tier != own)
                {
                    tiers.MoveTo(row, tier);
                    if (!TryScoreInner(row, out raw[tier]))
                    {
                        return false;
                    }
                }
            }
        }
        finally
        {
            tiers.Restore(row, saved, fields);
        }

        TierProjection.NonDecreasing(raw, projected);
        probability = projected[own];
        classProbability = raw[MonotoneTierTransformer.ClassTier(raw, projected, own)];
        return true;
    }

    private static RowScorer? Compile(ITransformer model, InputSchema schema, SchemaValidator? validator)
    {
        var monotone = model as MonotoneTierTransformer;
        if (FittedSteps.Of(model) is [.. var features, BinaryClassifierTransformer learner])
        {
            var layout = new RowLayout(schema.Columns.Select(c => (c.Name, c.Type)));
            var contract = ContractChecks(validator, layout);
            // Planned on the inputs, before the steps put their own columns under the same names.
            var tiers = monotone is null ? null : TierRowPlan.Create(monotone, layout);
            var rowSteps = PipelineTransformer.CompileRow(features, layout);
            var featureSlots = learner.FeatureSlots(layout);
            if (contract is not null && rowSteps is not null && featureSlots is not null && (monotone is null || tiers is not null))
            {
                return new RowScorer(contract, rowSteps, learner, featureSlots, tiers, schema.Columns.Count, layout.SlotCount);
            }
        }

        return null;
    }

    // Every column of the contract must be an input of the same type, as the table path requires.
    private static ContractCheck[]? ContractChecks(SchemaValidator? validator, RowLayout inputs)
    {
        var checks = new List<ContractCheck>();
        foreach (var check in validator?.Checks ?? [])
        {
            var type = check.Definition.PhysicalType;
            if (!inputs.TryGet(check.Definition.Name, type, out var slot))
            {
                return null;
            }

            checks.Add(new ContractCheck(check, slot, type == ColumnType.Numeric, check.Definition.Role == ContractRole.Id));
        }

        return [.. checks];
    }

    private bool AgreesWithTable(ITransformer model, InputSchema schema, Table examples)
    {
        if (examples.RowCount == 0 || !schema.Columns.All(c => examples.TryGetColumn(c.Name, out var column) && column.Type == c.Type))
        {
            return false;
        }

        var scored = model.Transform(examples);
        var probabilities = scored.GetNumeric(PredictionColumns.Probability);
        var classes = scored[PredictionColumns.Prediction];
        var row = Rent();
        try
        {
            for (var r = 0; r < examples.RowCount; r++)
            {
                row.Clear();
                for (var c = 0; c < schema.Columns.Count; c++)
                {
                    switch (examples[schema.Columns[c].Name])
                    {
                        case NumericColumn numbers:
                            row.SetNumber(c, numbers[r]);
                            break;
                        case TextColumn texts:
                            row.SetText(c, texts[r]);
                            break;
                    }
                }

                if (!TryScoreChecked(row, out var prediction)
                    || BitConverter.DoubleToInt64Bits(prediction.Probability) != BitConverter.DoubleToInt64Bits(probabilities[r])
                    || !string.Equals(prediction.Text ?? Column.FormatNumber(prediction.Number), classes.FormatValue(r), StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }
        finally
        {
            Return(row);
        }
    }

    // An id column the record does not give is not checked (it is absent, not missing); given, it meets its rules.
    private sealed record ContractCheck(ColumnCheck Check, int Slot, bool IsNumeric, bool IsId)
    {
        public bool Passes(RowValues row) =>
            (IsId && !row.IsGiven(Slot)) || (IsNumeric ? Check.Passes(row.Numbers[Slot]) : Check.Passes(row.Texts[Slot]));
    }

    private sealed class RowPolicy(int inputCount, int slotCount) : PooledObjectPolicy<RowValues>
    {
        public override RowValues Create() => new(inputCount, slotCount);

        public override bool Return(RowValues obj)
        {
            obj.Clear();
            return true;
        }
    }
}
