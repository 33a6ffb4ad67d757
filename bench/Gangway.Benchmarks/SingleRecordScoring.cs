using BenchmarkDotNet.Attributes;
using Gangway.Bundles;
using Gangway.Data;
using Gangway.Learners;
using Gangway.Schema;
using Gangway.Scoring;

namespace Gangway.Benchmarks;

/// <summary>
/// One passenger checked against the data contract and scored, as the service does for a one-record request: by the
/// <see cref="RowScorer"/> (the values set into a pooled row, contract checks, the compiled steps and learner) against
/// the table path it spares (a one-row table validated, then <c>Transform</c>). titanic.yaml with its contract.
/// </summary>
public class SingleRecordScoring
{
    private ModelBundle _bundle = null!;
    private SchemaValidator _validator = null!;
    private RowScorer _scorer = null!;
    private Table _table = null!;
    private int[] _inputs = null!;

    [GlobalSetup]
    public void Setup()
    {
        _bundle = TitanicModels.Train("titanic.yaml");
        var contract = _bundle.Contract!.Select(_bundle.Schema.Columns.Select(c => c.Name));
        _validator = new SchemaValidator(contract);
        _scorer = RowScorer.TryCreate(_bundle, _validator) ?? throw new InvalidOperationException("titanic.yaml has no row form.");
        _table = TitanicModels.Kelly(withExtraColumns: false);
        string[] order = ["PassengerId", "Pclass", "Name", "Sex", "Age", "SibSp", "Parch", "Fare", "Embarked"];
        _inputs = [.. order.Select(name => _bundle.Schema.Columns.Select(c => c.Name).ToList().IndexOf(name))];
        if (Row() != Table())
        {
            throw new InvalidOperationException("The row and table paths disagree.");
        }
    }

    [Benchmark(Baseline = true, Description = "table: validate + Transform (1 row)")]
    public double Table()
    {
        if (_validator.Validate(_table, datasetRules: false).Violations.Count > 0)
        {
            throw new InvalidOperationException("The row breaks the contract.");
        }

        return _bundle.Model.Transform(_table).GetNumeric(PredictionColumns.Probability)[0];
    }

    [Benchmark(Description = "row: RowScorer.TryScore")]
    public double Row()
    {
        var row = _scorer.Rent();
        row.SetNumber(_inputs[0], 892);
        row.SetNumber(_inputs[1], 3);
        row.SetText(_inputs[2], "Kelly, Mr. James");
        row.SetText(_inputs[3], "male");
        row.SetNumber(_inputs[4], 34.5);
        row.SetNumber(_inputs[5], 0);
        row.SetNumber(_inputs[6], 0);
        row.SetNumber(_inputs[7], 7.8292);
        row.SetText(_inputs[8], "Q");
        var scored = _scorer.TryScore(row, out var prediction);
        _scorer.Return(row);
        return scored ? prediction.Probability : throw new InvalidOperationException("The row was not scored.");
    }
}
