using BenchmarkDotNet.Attributes;
using Gangway.Bundles;
using Gangway.Data;
using Gangway.Learners;
using Gangway.Pipelines;
using Gangway.Schema;
using Gangway.Scoring;

namespace Gangway.Benchmarks;

/// <summary>
/// What a shadow (the notebook's model, baseline.yaml) spends scoring one passenger that titanic.yaml answered on the
/// service's fast path (issue 14): the table path (a one-row table of titanic's input columns, then the shadow's
/// <c>Transform</c>) against the row path (the answer's values set by name into the shadow's pooled row, its contract
/// checks, <c>RowScorer.TryScore</c>). Building the log records is the same for both and not included.
/// </summary>
public class ShadowOneRecord
{
    private static readonly (string Name, double Number, string? Text)[] Kelly =
    [
        ("PassengerId", 892, null), ("Pclass", 3, null), ("Name", double.NaN, "Kelly, Mr. James"), ("Sex", double.NaN, "male"),
        ("Age", 34.5, null), ("SibSp", 0, null), ("Parch", 0, null), ("Fare", 7.8292, null), ("Embarked", double.NaN, "Q"),
    ];

    private ModelBundle _shadow = null!;
    private RowScorer _scorer = null!;
    private int[] _answered = null!;
    private bool[] _numeric = null!;

    [GlobalSetup]
    public void Setup()
    {
        _shadow = TitanicModels.Train("baseline.yaml");
        var contract = _shadow.Contract!.Select(_shadow.Schema.Columns.Select(c => c.Name));
        _scorer = RowScorer.TryCreate(_shadow, new SchemaValidator(contract)) ?? throw new InvalidOperationException("baseline.yaml has no row form.");
        var names = Kelly.Select(v => v.Name).ToList();
        _answered = [.. _shadow.Schema.Columns.Select(c => names.IndexOf(c.Name))];
        _numeric = [.. _shadow.Schema.Columns.Select(c => c.Type == ColumnType.Numeric)];
        if (Row() != Table())
        {
            throw new InvalidOperationException("The row and table paths disagree.");
        }
    }

    [Benchmark(Baseline = true, Description = "table: 1-row table + shadow Transform")]
    public double Table()
    {
        var input = new Table(Kelly.Select(v => double.IsNaN(v.Number) && v.Text is not null
            ? (Column)new TextColumn(v.Name, [v.Text])
            : new NumericColumn(v.Name, [v.Number])));
        return _shadow.Model.Transform(input).GetNumeric(PredictionColumns.Probability)[0];
    }

    [Benchmark(Description = "row: values by name + shadow RowScorer.TryScore")]
    public double Row()
    {
        var row = _scorer.Rent();
        try
        {
            for (var i = 0; i < _answered.Length; i++)
            {
                var value = Kelly[_answered[i]];
                if (_numeric[i])
                {
                    row.SetNumber(i, value.Number);
                }
                else
                {
                    row.SetText(i, value.Text);
                }
            }

            return _scorer.TryScore(row, out var prediction) ? prediction.Probability : throw new InvalidOperationException("The row was not scored.");
        }
        finally
        {
            _scorer.Return(row);
        }
    }
}
