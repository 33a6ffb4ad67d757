using Gangway.Data;
using Gangway.Learners;
using Gangway.Pipelines;
using Gangway.Upsell;

namespace Gangway.Tests.Pipelines;

/// <summary>
/// Compares a fitted transformer's row form (the one-row fast path the server uses: <see cref="IRowCompilable"/>, and
/// a learner's <see cref="BinaryClassifierTransformer.TryScoreRow"/>) with its table form on each row of a table.
/// </summary>
internal static class RowTableParity
{
    private const string UnknownText = "Conformance_Unknown";

    /// <summary>
    /// <paramref name="data"/> with two more rows: every value missing, and the first row with every text replaced by an
    /// unseen category and every number shifted to an unseen value.
    /// </summary>
    public static Table WithMissingAndUnknownRows(Table data) => new(data.Columns.Select(column => column switch
    {
        NumericColumn numbers => (Column)new NumericColumn(column.Name, [.. numbers.Values.ToArray(), double.NaN, numbers[0] + 1000.5]),
        TextColumn texts => new TextColumn(column.Name, [.. texts.Values.ToArray(), null, UnknownText]),
        _ => throw new InvalidOperationException($"Unexpected column type {column.GetType().Name}."),
    }));

    /// <summary>The result of comparing both forms row by row, or null when the transformer has no row form.</summary>
    public static ParityResult? Compare(ITransformer fitted, Table data)
    {
        var layout = new RowLayout(data.Columns.Select(c => (c.Name, c.Type)));
        if (Compile(fitted, layout) is not var (step, learner, featureSlots))
        {
            return null;
        }

        var row = new RowValues(data.Columns.Count, layout.SlotCount);
        var result = new ParityResult();
        for (var r = 0; r < data.RowCount; r++)
        {
            Fill(row, data, r);
            var answered = step(row);
            var probability = double.NaN;
            if (answered && learner is not null)
            {
                answered = learner.TryScoreRow(row, featureSlots!, out probability);
            }

            Table? table;
            try
            {
                table = fitted.Transform(data.Take([r]));
            }
            catch (GangwayException)
            {
                table = null;
            }

            if (!answered)
            {
                continue; // The server then scores the row as a table, so there is nothing to compare.
            }

            result.Answered++;
            if (table is null)
            {
                result.Differences.Add($"row {r}: the row form answered but the table form throws");
            }
            else if (learner is not null)
            {
                CompareNumber(result, r, PredictionColumns.Probability, table.GetNumeric(PredictionColumns.Probability)[0], probability);
            }
            else
            {
                CompareColumns(result, r, table, layout, row);
            }
        }

        return result;
    }

    private static (RowStep Step, BinaryClassifierTransformer? Learner, int[]? FeatureSlots)? Compile(ITransformer fitted, RowLayout layout)
    {
        if (fitted is MonotoneTierTransformer)
        {
            return null; // Its row form scores the wrapped model once per tier; RowScorer's tests cover it.
        }

        var steps = FittedSteps.Of(fitted);
        if (steps is [.. var features, BinaryClassifierTransformer learner])
        {
            var featureStep = PipelineTransformer.CompileRow(features, layout);
            var slots = featureStep is null ? null : learner.FeatureSlots(layout);
            return slots is null ? null : (featureStep!, learner, slots);
        }

        return fitted is IRowCompilable compilable && compilable.CompileRow(layout) is { } step ? (step, null, null) : null;
    }

    private static void CompareColumns(ParityResult result, int r, Table table, RowLayout layout, RowValues row)
    {
        var rowNames = layout.Names.Order(StringComparer.Ordinal).ToList();
        var tableNames = table.ColumnNames.Order(StringComparer.Ordinal).ToList();
        if (!rowNames.SequenceEqual(tableNames, StringComparer.Ordinal))
        {
            result.Differences.Add($"row {r}: columns differ; row form [{string.Join(", ", rowNames)}], table form [{string.Join(", ", tableNames)}]");
            return;
        }

        foreach (var column in table.Columns)
        {
            if (!layout.TryGet(column.Name, column.Type, out var slot))
            {
                result.Differences.Add($"row {r}: column '{column.Name}' is {column.Type} in the table form but not in the row form");
            }
            else if (column is NumericColumn numbers)
            {
                CompareNumber(result, r, column.Name, numbers[0], row.Numbers[slot]);
            }
            else if (!string.Equals(((TextColumn)column)[0], row.Texts[slot], StringComparison.Ordinal))
            {
                result.Differences.Add($"row {r}: column '{column.Name}' table '{((TextColumn)column)[0]}', row '{row.Texts[slot]}'");
            }
        }
    }

    private static void CompareNumber(ParityResult result, int r, string column, double table, double row)
    {
        if (BitConverter.DoubleToInt64Bits(table) != BitConverter.DoubleToInt64Bits(row))
        {
            result.Differences.Add($"row {r}: column '{column}' table {table:R}, row {row:R} (not the same bits)");
        }
    }

    private static void Fill(RowValues row, Table data, int r)
    {
        row.Clear();
        for (var i = 0; i < data.Columns.Count; i++)
        {
            switch (data.Columns[i])
            {
                case NumericColumn numbers:
                    row.SetNumber(i, numbers[r]);
                    break;
                case TextColumn texts:
                    row.SetText(i, texts[r]);
                    break;
            }
        }
    }
}

/// <summary>How many rows the row form answered, and every way it differed from the table form.</summary>
internal sealed class ParityResult
{
    public int Answered { get; set; }

    public List<string> Differences { get; } = [];
}
