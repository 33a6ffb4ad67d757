using BenchmarkDotNet.Attributes;
using Gangway.Bundles;
using Gangway.Data;

namespace Gangway.Benchmarks;

/// <summary>
/// One passenger through the whole fitted pipeline (feature steps and learner), as an online prediction would be:
/// the recommended model (titanic.yaml: title, family size, imputation, one-hot, FastTree) against the notebook's
/// model (baseline.yaml: one-hot Sex, FastForest on two columns).
/// </summary>
public class SingleRowPrediction
{
    private ModelBundle _titanic = null!;
    private ModelBundle _baseline = null!;
    private Table _row = null!;

    [GlobalSetup]
    public void Setup()
    {
        _titanic = TitanicModels.Train("titanic.yaml");
        _baseline = TitanicModels.Train("baseline.yaml");
        // The first row of predict.csv, with the extra columns (Ticket, Cabin) a caller would send anyway.
        _row = new Table(
            new NumericColumn("PassengerId", [892]),
            new NumericColumn("Pclass", [3]),
            new TextColumn("Name", ["Kelly, Mr. James"]),
            new TextColumn("Sex", ["male"]),
            new NumericColumn("Age", [34.5]),
            new NumericColumn("SibSp", [0]),
            new NumericColumn("Parch", [0]),
            new TextColumn("Ticket", ["330911"]),
            new NumericColumn("Fare", [7.8292]),
            new TextColumn("Cabin", [null]),
            new TextColumn("Embarked", ["Q"]));
    }

    [Benchmark(Baseline = true, Description = "titanic.yaml (6 steps + FastTree)")]
    public Table Titanic() => _titanic.Model.Transform(_row);

    [Benchmark(Description = "baseline.yaml (1 step + FastForest)")]
    public Table Baseline() => _baseline.Model.Transform(_row);
}
