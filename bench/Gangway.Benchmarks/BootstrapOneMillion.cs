using BenchmarkDotNet.Attributes;
using Gangway.Evaluation;

namespace Gangway.Benchmarks;

/// <summary>
/// The bootstrap of <c>gangway evaluate</c>: 1,000 stratified resamples of 1,000,000 scored rows (continuous
/// probabilities, 38% positive), all seven metrics per resample, overall only and with a three-value slice column (as
/// Pclass). Target from issue 12: under 5 s per evaluation on the 2-core bench machine. Run with
/// <c>dotnet run -c Release --project bench/Gangway.Benchmarks -- --filter '*BootstrapOneMillion*' --iterationCount 3 --warmupCount 1</c>.
/// </summary>
public class BootstrapOneMillion
{
    public const int Rows = 1_000_000;

    private bool[] _actual = null!;
    private double[] _probability = null!;
    private bool[] _predicted = null!;
    private int[] _slice = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(12);
        _probability = [.. Enumerable.Range(0, Rows).Select(_ => random.NextDouble())];
        _actual = [.. _probability.Select(p => random.NextDouble() < (p * 0.76))];
        _predicted = [.. _probability.Select(p => p >= 0.5)];
        _slice = [.. Enumerable.Range(0, Rows).Select(_ => 1 + random.Next(3))];
    }

    [Benchmark(Description = "1,000 resamples × 1M rows, overall")]
    public double Overall() => Intervals([], groupCount: 1);

    [Benchmark(Description = "1,000 resamples × 1M rows, overall + 3 slices")]
    public double WithSlices() => Intervals([_slice], groupCount: 4);

    private double Intervals(int[][] groups, int groupCount)
    {
        var options = new BootstrapOptions { Resamples = BootstrapOptions.DefaultResamples, Seed = 42 };
        var replicates = BootstrapIntervals.Replicates(_actual, [(_probability, _predicted)], groups, groupCount, options);
        return BootstrapIntervals.Of(replicates[0], 0, groupCount, options).Intervals["roc_auc"].Lower;
    }
}
