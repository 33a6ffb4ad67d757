using System.Globalization;
using System.Text.Json.Nodes;
using Gangway.Data;
using Gangway.Learners;
using Gangway.Pipelines;
using Gangway.Specs;

namespace Gangway.Upsell;

/// <summary>
/// A fitted model whose probability never falls up the tiers of an upsell column (a spec's <c>upsell: {monotone: true}</c>):
/// each record is scored by the wrapped model in its own tier as it is and in every other tier (the tier column and the
/// upsell fields set to that tier's training value, as <c>/upsell</c> does), the tier probabilities are projected onto
/// the non-decreasing ones by pool-adjacent-violators (<see cref="TierProjection"/>), and the record gets the projected
/// probability of its own tier (and the class of that probability). A record whose tier probabilities already rise keeps
/// its probability exactly. It acts on the wrapped model's final probability, so any calibration inside the wrapped
/// model is applied to each tier's score first. Costs one scoring per tier per record. Rows whose tier is missing or not
/// in the order cannot be placed and keep the wrapped model's answer.
/// </summary>
/// <remarks>Immutable and safe to use from several threads at once.</remarks>
public sealed class MonotoneTierTransformer : ITransformer
{
    /// <summary>The kind this transformer is saved under.</summary>
    public const string KindName = "monotone_tiers";

    private readonly ColumnType _tierType;
    private readonly double[][] _fieldValues;
    private readonly Dictionary<string, int> _tierByKey = new(StringComparer.Ordinal);

    // A number formats as a tier's key exactly when its bits are those of the key's number (the "R" format round-trips;
    // -0 and 0 format differently, as their bits differ): the same answer as formatting, without formatting each row.
    private readonly Dictionary<long, int>? _tierByNumber;

    internal MonotoneTierTransformer(ITransformer inner, string tierColumn, ColumnType tierType, IReadOnlyList<string> order, IReadOnlyList<string> fields, double[][] fieldValues)
    {
        Inner = inner;
        TierColumn = tierColumn;
        _tierType = tierType;
        Order = [.. order];
        Fields = [.. fields];
        _fieldValues = fieldValues;
        for (var tier = 0; tier < Order.Count; tier++)
        {
            _tierByKey[UpsellSpec.TierKey(Order[tier], tierType) ?? Order[tier]] = tier;
        }

        if (TierNumbers() is { } numbers)
        {
            _tierByNumber = [];
            for (var tier = 0; tier < numbers.Length; tier++)
            {
                _tierByNumber.TryAdd(BitConverter.DoubleToInt64Bits(numbers[tier]), tier);
            }
        }
    }

    /// <summary>The wrapped model, whose probabilities are projected.</summary>
    public ITransformer Inner { get; }

    /// <summary>The tier column.</summary>
    public string TierColumn { get; }

    /// <summary>The tiers from lowest to highest, as in the spec's <c>upsell.order</c>.</summary>
    public IReadOnlyList<string> Order { get; }

    /// <summary>The upsell fields that take their tier's training median in another tier.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>The training median of field <paramref name="field"/> (an index of <see cref="Fields"/>) in each tier.</summary>
    public IReadOnlyList<double> FieldValues(int field) => _fieldValues[field];

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public Table Transform(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Score(data, keepProjected: false).Output;
    }

    /// <summary>
    /// Each row's projected probabilities in every tier, lowest first (null for a row whose tier is missing or not in the
    /// order), and its tier (-1 for those rows). The probability of a row's own tier is the one <see cref="Transform"/> gives.
    /// </summary>
    internal (int[] Tiers, double[]?[] Probabilities) TierProbabilities(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var scored = Score(data);
        return (scored.Tiers, scored.Projected);
    }

    private (Table Output, int[] Tiers, double[]?[] Projected) Score(Table data) => Score(data, keepProjected: true);

    private (Table Output, int[] Tiers, double[]?[] Projected) Score(Table data, bool keepProjected)
    {
        var tiers = TiersOf(data);
        var tierCount = Order.Count;
        // Rows as they are come first, so a row's error names its own row; then each placed row in every other tier.
        var placed = 0;
        foreach (var tier in tiers)
        {
            placed += tier >= 0 ? 1 : 0;
        }

        var entries = data.RowCount + (placed * (tierCount - 1));
        var sources = new int[entries];
        var entryTiers = new int[entries];
        var firstOther = new int[data.RowCount];
        for (var row = 0; row < data.RowCount; row++)
        {
            sources[row] = row;
            entryTiers[row] = -1;
        }

        for (int row = 0, next = data.RowCount; row < data.RowCount; row++)
        {
            firstOther[row] = next;
            for (var tier = 0; tier < tierCount && tiers[row] >= 0; tier++)
            {
                if (tier != tiers[row])
                {
                    sources[next] = row;
                    entryTiers[next++] = tier;
                }
            }
        }

        var expanded = entries == data.RowCount ? data : Expand(data, sources, entryTiers);
        var output = Inner.Transform(expanded);
        var probabilities = output.GetNumeric(PredictionColumns.Probability).Values;
        var projected = new double[]?[keepProjected ? data.RowCount : 0];
        var result = new double[data.RowCount];
        var classSource = new int[data.RowCount];
        Span<int> entryOfTier = stackalloc int[tierCount];
        Span<double> raw = stackalloc double[tierCount];
        Span<double> projection = stackalloc double[tierCount];
        for (var row = 0; row < data.RowCount; row++)
        {
            result[row] = probabilities[row];
            classSource[row] = row;
            if (tiers[row] < 0)
            {
                continue;
            }

            for (int tier = 0, other = firstOther[row]; tier < tierCount; tier++)
            {
                entryOfTier[tier] = tier == tiers[row] ? row : other++;
                raw[tier] = probabilities[entryOfTier[tier]];
            }

            TierProjection.NonDecreasing(raw, projection);
            result[row] = projection[tiers[row]];
            classSource[row] = entryOfTier[ClassTier(raw, projection, tiers[row])];
            if (keepProjected)
            {
                projected[row] = projection.ToArray();
            }
        }

        var first = entries == data.RowCount ? output : output.Take([.. Enumerable.Range(0, data.RowCount)]);
        var classes = output[PredictionColumns.Prediction].Take(classSource);
        return (first.With(new NumericColumn(PredictionColumns.Probability, result), classes), tiers, projected);
    }

    /// <summary>
    /// The tier whose class (as the wrapped model gave it) is the class of the projected probability of tier
    /// <paramref name="own"/>: a tier of the same pooled block on the same side of 0.5. The projected value is the mean of
    /// its block, so some tier of the block lies on the same side.
    /// </summary>
    internal static int ClassTier(ReadOnlySpan<double> raw, ReadOnlySpan<double> projected, int own)
    {
        var value = projected[own];
        var (low, high) = (own, own);
        while (low > 0 && projected[low - 1] == value)
        {
            low--;
        }

        while (high < projected.Length - 1 && projected[high + 1] == value)
        {
            high++;
        }

        var best = own;
        for (var tier = low; tier <= high; tier++)
        {
            if (value >= 0.5 ? raw[tier] > raw[best] : raw[tier] < raw[best])
            {
                best = tier;
            }
        }

        return best;
    }

    /// <summary>The index in <see cref="Order"/> of the tier a tier column value formats as; -1 when missing or not in the order.</summary>
    internal int TierOf(string? value) => value is not null && _tierByKey.TryGetValue(value, out var tier) ? tier : -1;

    /// <summary>The value the tier column takes in each tier when numeric, as the table path writes it; null when a tier is not a number.</summary>
    internal double[]? TierNumbers()
    {
        var values = new double[Order.Count];
        for (var tier = 0; tier < values.Length; tier++)
        {
            if (UpsellSpec.TierKey(Order[tier], ColumnType.Numeric) is not { } key)
            {
                return null;
            }

            values[tier] = double.Parse(key, CultureInfo.InvariantCulture);
        }

        return values;
    }

    /// <summary>The index in <see cref="Order"/> of the tier a numeric tier column value is; -1 when missing or not in the order.</summary>
    internal int TierOf(double value) => _tierByNumber is not null && _tierByNumber.TryGetValue(BitConverter.DoubleToInt64Bits(value), out var tier) ? tier : -1;

    private int[] TiersOf(Table data)
    {
        var column = data[TierColumn];
        var tiers = new int[data.RowCount];
        if (column is NumericColumn numbers && _tierByNumber is not null)
        {
            var values = numbers.Values;
            for (var row = 0; row < tiers.Length; row++)
            {
                tiers[row] = TierOf(values[row]);
            }

            return tiers;
        }

        for (var row = 0; row < tiers.Length; row++)
        {
            tiers[row] = TierOf(column.FormatValue(row));
        }

        return tiers;
    }

    private Table Expand(Table data, int[] sources, int[] entryTiers)
    {
        var replaced = new Dictionary<string, Column>(StringComparer.Ordinal);
        var original = data[TierColumn];
        if (original is NumericColumn numbers)
        {
            var values = Order.Select(v => double.Parse(UpsellSpec.TierKey(v, ColumnType.Numeric)!, CultureInfo.InvariantCulture)).ToArray();
            replaced[TierColumn] = new NumericColumn(TierColumn, Pick(numbers.Values, sources, entryTiers, values));
        }
        else
        {
            replaced[TierColumn] = new TextColumn(TierColumn, Pick(((TextColumn)original).Values, sources, entryTiers, [.. Order]));
        }

        for (var field = 0; field < Fields.Count; field++)
        {
            replaced[Fields[field]] = new NumericColumn(Fields[field], Pick(data.GetNumeric(Fields[field]).Values, sources, entryTiers, _fieldValues[field]));
        }

        // Columns keep their places; those the tiers replace are not copied first.
        return new Table(data.Columns.Select(column => replaced.TryGetValue(column.Name, out var tiered) ? tiered : column.Take(sources)));
    }

    private static T[] Pick<T>(ReadOnlySpan<T> original, int[] sources, int[] entryTiers, T[] byTier)
    {
        var values = new T[sources.Length];
        for (var entry = 0; entry < values.Length; entry++)
        {
            values[entry] = entryTiers[entry] < 0 ? original[sources[entry]] : byTier[entryTiers[entry]];
        }

        return values;
    }

    /// <inheritdoc />
    public void Save(TransformerWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.State["tier_column"] = TierColumn;
        writer.State["tier_type"] = _tierType == ColumnType.Numeric ? "numeric" : "text";
        writer.State["order"] = new JsonArray([.. Order.Select(o => JsonValue.Create(o))]);
        writer.State["fields"] = new JsonArray([.. Fields.Select(f => JsonValue.Create(f))]);
        writer.State["field_values"] = new JsonArray([.. _fieldValues.Select(v => (JsonNode)new JsonArray([.. v.Select(x => JsonValue.Create(x))]))]);
        writer.WriteTransformer("model", Inner);
    }

    internal static MonotoneTierTransformer Load(TransformerReader reader)
    {
        var type = reader.GetString("tier_type") switch
        {
            "numeric" => ColumnType.Numeric,
            "text" => ColumnType.Text,
            var other => throw reader.Corrupt("tier_type", $"is '{other}', not numeric or text"),
        };
        var order = reader.Get<string[]>("order");
        var fields = reader.Get<string[]>("fields");
        var values = reader.Get<double[][]>("field_values");
        if (order.Length < 2 || values.Length != fields.Length || values.Any(v => v.Length != order.Length || v.Any(x => !double.IsFinite(x))))
        {
            throw reader.Corrupt("field_values", "does not hold one finite value per tier for each field");
        }

        if (type == ColumnType.Numeric && order.Any(o => UpsellSpec.TierKey(o, type) is null))
        {
            throw reader.Corrupt("order", "holds a tier that is not a number although the tier column is numeric");
        }

        return new MonotoneTierTransformer(reader.ReadTransformer("model"), reader.GetString("tier_column"), type, order, fields, values);
    }
}
