using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;

namespace Gangway.Benchmarks;

/// <summary>
/// One launch, 3 warm-up and 10 measured iterations, so the whole suite runs in a few minutes on a 2-core machine;
/// median and allocations are reported because the machine is shared and the mean is pulled by noise. Iterations last
/// at least 200 ms so a microsecond benchmark is not dominated by timer and scheduler jitter. Results go to
/// bench/out/BenchmarkDotNet.Artifacts whatever the working directory.
/// </summary>
internal sealed class QuickConfig : ManualConfig
{
    public QuickConfig()
    {
        Add(DefaultConfig.Instance);
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10)
            .WithMinIterationTime(TimeInterval.FromMilliseconds(200)).WithId("Quick"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median, StatisticColumn.P95);
        ArtifactsPath = Path.Combine(TitanicModels.RepositoryRoot, "bench", "out", "BenchmarkDotNet.Artifacts");
    }
}
