using System.Text;
using BenchmarkDotNet.Attributes;
using Gangway.Bundles;
using Gangway.Scoring;

namespace Gangway.Benchmarks;

/// <summary>
/// <see cref="BatchScorer.Score"/> over predict.csv repeated to <see cref="Rows"/> rows held in memory: CSV parsing,
/// the fitted pipeline and CSV formatting, without disk I/O. Results are per row (OperationsPerInvoke).
/// </summary>
public class BatchScoring
{
    public const int Rows = 10_000;

    private ModelBundle _bundle = null!;
    private string _csv = null!;

    [GlobalSetup]
    public void Setup()
    {
        _bundle = TitanicModels.Train("titanic.yaml");
        var lines = File.ReadAllLines(TitanicModels.DataFile("predict.csv"));
        var body = lines.Skip(1).Where(l => l.Length > 0).ToArray();
        var csv = new StringBuilder().Append(lines[0]).Append('\n');
        for (var i = 0; i < Rows; i++)
        {
            csv.Append(body[i % body.Length]).Append('\n');
        }

        _csv = csv.ToString();
        var scored = Score(new StringWriter());
        if (scored != Rows)
        {
            throw new InvalidOperationException($"Expected {Rows} rows scored, got {scored}.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows, Description = "CSV -> null writer, per row")]
    public long ToNullWriter() => Score(TextWriter.Null);

    [Benchmark(OperationsPerInvoke = Rows, Description = "CSV -> StringWriter, per row")]
    public long ToStringWriter() => Score(new StringWriter());

    private long Score(TextWriter output)
    {
        using var input = new StringReader(_csv);
        return BatchScorer.Score(_bundle, input, output).RowsScored;
    }
}
