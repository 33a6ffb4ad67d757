using BenchmarkDotNet.Attributes;
using Gangway.Data;
using Gangway.Features;

namespace Gangway.Benchmarks;

/// <summary>
/// The title step on hostile input: a 1 MB name with no period (a regex with backtracking takes seconds here; the
/// step must take milliseconds), next to an ordinary name.
/// </summary>
public class TitleExtraction
{
    private TitleExtractingTransformer _title = null!;
    private Table _huge = null!;
    private Table _ordinary = null!;

    [GlobalSetup]
    public void Setup()
    {
        var training = new Table(new TextColumn("Name", ["Kelly, Mr. James", "Wilkes, Mrs. James (Ellen Needs)"]));
        _title = new TitleExtractingEstimator("Name", "Title").Fit(training);
        _huge = new Table(new TextColumn("Name", ["Smith, " + new string('a', 1 << 20)]));
        _ordinary = new Table(new TextColumn("Name", ["Kelly, Mr. James"]));
    }

    [Benchmark(Baseline = true, Description = "ordinary name")]
    public Table Ordinary() => _title.Transform(_ordinary);

    [Benchmark(Description = "1 MB name, no period")]
    public Table Huge() => _title.Transform(_huge);
}
