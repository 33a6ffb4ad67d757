using Gangway.Bundles;
using Gangway.Data;
using Gangway.Features;
using Gangway.Pipelines;

namespace Gangway.Tests.Scoring;

/// <summary>
/// Real Titanic records with one to three fields changed at random (seeded): missing values, unknown categories,
/// names that give rare or no titles, out-of-range and fractional numbers, numbers beyond float range, bin edges;
/// one record in five also has a random fraction added to every numeric feature.
/// </summary>
internal static class PerturbedRecords
{
    private static readonly object MissingNumber = double.NaN;
    private static readonly object?[] Sexes = [null, "unknown", "MALE", "", "female", "male"];
    private static readonly object?[] Ports = [null, "X", "s", "", "C", "Q", "S"];
    private static readonly object?[] Names =
    [
        null, "", "NoCommaOrPeriod", "Smith, Dr. John", "Doe, Sir. X", "Lee, Mlle. Y", "Ray, Mme. Z", "Kelly, Mr. James",
        "Brown, Mrs. Ann", "O'Brien, Master. Tim", "Heikkinen, Miss. Laina", "A,  Mr . B", "Rothes, the Countess. of",
        new string('x', 201) + ", Mr. Long",
    ];

    private static readonly object?[] Classes = [7d, 0d, 2.5, double.NaN, 1d, 2d, 3d, -3d];
    private static readonly object?[] Fares = [1e39, -5d, 3.4e38, double.PositiveInfinity, double.NaN, 12.345678, 0d, -0d, 512.3292];
    private static readonly object?[] Ages = [-1d, 200d, 22.5, 0.42, double.NaN, 120d, 120.0001, 1e39];
    private static readonly object?[] Counts = [1.5, -1d, 1e39, double.NaN, 0.1, 0.2, 8d, 3.4e38, 0d];
    private static readonly object?[] Ids = [0d, -3d, 1.5, double.NaN, 1e15, 892d];

    public static List<object?[]> Create(ModelBundle bundle, IReadOnlyList<object?[]> bases, int count, int seed)
    {
        var random = new Random(seed);
        var edges = BinEdges(bundle.Model);
        var columns = bundle.Schema.Columns;
        var records = new List<object?[]>(count);
        for (var n = 0; n < count; n++)
        {
            var record = (object?[])bases[random.Next(bases.Count)].Clone();
            if (random.Next(5) == 0)
            {
                WithFractions(record, columns, random);
            }

            var changes = random.Next(1, 4);
            for (var k = 0; k < changes; k++)
            {
                var i = random.Next(columns.Count);
                record[i] = random.Next(4) == 0 ? Missing(columns[i].Type) : Value(columns[i], edges, random);
            }

            records.Add(record);
        }

        return records;
    }

    // Every present number gets a random fraction, so sums and scalings round differently in another order.
    private static void WithFractions(object?[] record, IReadOnlyList<InputColumn> columns, Random random)
    {
        for (var i = 0; i < record.Length; i++)
        {
            if (record[i] is double number && !double.IsNaN(number) && columns[i].Role == ColumnRole.Feature)
            {
                record[i] = Math.Round(number + random.NextDouble(), random.Next(1, 16));
            }
        }
    }

    private static object? Missing(ColumnType type) => type == ColumnType.Numeric ? MissingNumber : null;

    private static object? Value(InputColumn column, Dictionary<string, double[]> edges, Random random)
    {
        if (edges.TryGetValue(column.Name, out var columnEdges) && random.Next(3) == 0)
        {
            return columnEdges[random.Next(columnEdges.Length)];
        }

        var choices = column.Name switch
        {
            "Sex" => Sexes,
            "Embarked" => Ports,
            "Name" => Names,
            "Pclass" => Classes,
            "Fare" => Fares,
            "Age" => Ages,
            "SibSp" or "Parch" => Counts,
            "PassengerId" => Ids,
            _ => [Missing(column.Type)],
        };
        return choices[random.Next(choices.Length)];
    }

    // Values exactly on a learned edge land in the upper bin; a row form that compared the other way would differ.
    private static Dictionary<string, double[]> BinEdges(ITransformer model)
    {
        var edges = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var steps = model is PipelineTransformer pipeline ? pipeline.Steps : [model];
        foreach (var bins in steps.OfType<BinningTransformer>())
        {
            for (var c = 0; c < bins.Columns.Count; c++)
            {
                edges[bins.Columns[c]] = [.. bins.BinEdges[c]];
            }
        }

        return edges;
    }
}
