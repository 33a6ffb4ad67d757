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
        _row = TitanicModels.Kelly(withExtraColumns: true);
    }

    [Benchmark(Baseline = true, Description = "titanic.yaml (6 steps + FastTree)")]
    public Table Titanic() => _titanic.Model.Transform(_row);

    [Benchmark(Description = "baseline.yaml (1 step + FastForest)")]
    public Table Baseline() => _baseline.Model.Transform(_row);
}
