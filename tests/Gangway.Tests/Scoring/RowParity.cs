using System.Globalization;
using Gangway.Bundles;
using Gangway.Data;
using Gangway.Learners;
using Gangway.Pipelines;
using Gangway.Schema;
using Gangway.Scoring;

namespace Gangway.Tests.Scoring;

/// <summary>One row's answer, compared bit for bit: not scored (all defaults), or the probability and class.</summary>
internal readonly record struct RowAnswer(bool Scored, long ProbabilityBits, long NumberBits, string? Text)
{
    public static RowAnswer Of(double probability, double number, string? text) =>
        new(true, BitConverter.DoubleToInt64Bits(probability), BitConverter.DoubleToInt64Bits(number), text);
}

/// <summary>
/// Scores one record (its values aligned with the bundle's input schema: a double or a string per column) both ways:
/// as a one-row table the way the server does (contract first, then the model), and with a <see cref="RowScorer"/>.
/// </summary>
internal static class RowParity
{
    public static SchemaValidator? Validator(ModelBundle bundle)
    {
        var contract = bundle.Contract?.Select(bundle.Schema.Columns.Select(c => c.Name));
        return contract is null ? null : new SchemaValidator(contract);
    }

    /// <summary>The records of <paramref name="table"/>, reading the schema's columns by name.</summary>
    public static List<object?[]> Records(ModelBundle bundle, Table table)
    {
        var columns = bundle.Schema.Columns.Select(c => table[c.Name]).ToArray();
        Assert.Equal(bundle.Schema.Columns.Select(c => c.Type), columns.Select(c => c.Type));
        return [.. Enumerable.Range(0, table.RowCount).Select(r => columns.Select(c => c is NumericColumn n ? (object?)n[r] : ((TextColumn)c)[r]).ToArray())];
    }

    public static Table ToTable(ModelBundle bundle, object?[] record) => new(bundle.Schema.Columns.Select((c, i) => c.Type == ColumnType.Numeric
        ? (Column)new NumericColumn(c.Name, [(double)record[i]!])
        : new TextColumn(c.Name, [(string?)record[i]])));

    /// <summary>What the table path says about a one-row table: not scored when the contract reports anything or the model throws.</summary>
    public static RowAnswer ByTable(ModelBundle bundle, SchemaValidator? validator, Table single)
    {
        Assert.Equal(1, single.RowCount);
        if (validator is not null && validator.Validate(single, datasetRules: false).Violations.Count > 0)
        {
            return default;
        }

        Table scored;
        try
        {
            scored = bundle.Model.Transform(single);
        }
        catch (GangwayException)
        {
            return default;
        }

        var prediction = scored[PredictionColumns.Prediction];
        return RowAnswer.Of(
            scored.GetNumeric(PredictionColumns.Probability)[0],
            prediction is NumericColumn numbers ? numbers[0] : double.NaN,
            prediction is TextColumn texts ? texts[0] : null);
    }

    public static RowAnswer ByRow(RowScorer scorer, object?[] record)
    {
        var row = scorer.Rent();
        try
        {
            Fill(row, record);
            return scorer.TryScore(row, out var prediction) ? RowAnswer.Of(prediction.Probability, prediction.Number, prediction.Text) : default;
        }
        finally
        {
            scorer.Return(row);
        }
    }

    public static void Fill(RowValues row, object?[] record)
    {
        for (var i = 0; i < record.Length; i++)
        {
            switch (record[i])
            {
                case double number:
                    row.SetNumber(i, number);
                    break;
                case string text:
                    row.SetText(i, text);
                    break;
            }
        }
    }

    /// <summary>Every record on which the two paths differ, described with its values; empty when they agree throughout.</summary>
    public static List<string> Disagreements(ModelBundle bundle, SchemaValidator? validator, RowScorer scorer, IEnumerable<(object?[] Record, Table Single)> rows)
    {
        var disagreements = new List<string>();
        foreach (var (record, single) in rows)
        {
            var expected = ByTable(bundle, validator, single);
            var actual = ByRow(scorer, record);
            if (expected != actual)
            {
                disagreements.Add($"{Describe(bundle, record)}: table {expected}, row {actual}");
            }
        }

        return disagreements;
    }

    public static string Describe(ModelBundle bundle, object?[] record) => string.Join(", ", bundle.Schema.Columns.Select((c, i) => record[i] switch
    {
        double number => $"{c.Name}={number.ToString("R", CultureInfo.InvariantCulture)}",
        string text => $"{c.Name}='{(text.Length > 40 ? text[..40] + "..." : text)}'",
        _ => $"{c.Name}=missing",
    }));
}
