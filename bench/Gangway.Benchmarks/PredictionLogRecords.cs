using BenchmarkDotNet.Attributes;
using Gangway.Bundles;
using Gangway.Data;
using Gangway.PredictionLog;

namespace Gangway.Benchmarks;

/// <summary>
/// The CPU and allocations of building prediction-log records from a scored table (<see cref="ScoredTableRecords"/>),
/// which the service does off the request path for every answered record: 1-row tables (the 1-record /predict) and
/// 100-row tables (a batch request) of predict.csv scored by the Titanic model, with the answer's ids given as the
/// service gives them. Results are per record (OperationsPerInvoke).
/// </summary>
public class PredictionLogRecords
{
    private const int Rows = 100;

    private ScoredTableRecords _records = null!;
    private (Table Input, Table Scored, string[] Ids)[] _singles = null!;
    private (Table Input, Table Scored, string[] Ids) _batch;
    private DateTimeOffset _time;

    [GlobalSetup]
    public void Setup()
    {
        var bundle = TitanicModels.Train("titanic.yaml");
        _records = new ScoredTableRecords(bundle, new string('a', 64), 3, PredictionSources.Predict);
        var all = CsvReader.ReadFile(TitanicModels.DataFile("predict.csv"));
        var input = all.Select(bundle.Schema.Columns.Select(c => c.Name).Where(all.Contains)).Take([.. Enumerable.Range(0, Rows)]);
        var scored = bundle.Model.Transform(input);
        _time = DateTimeOffset.UtcNow;
        _batch = (input, scored, Ids(Rows));
        _singles = [.. Enumerable.Range(0, Rows).Select(i => (input.Take([i]), scored.Take([i]), Ids(1)))];
        var built = _records.Of(_batch.Input, _batch.Scored, _time, _batch.Ids, null);
        if (built.Count != Rows || built[0].Key is null)
        {
            throw new InvalidOperationException($"Expected {Rows} records with a key, got {built.Count} (key {built[0].Key ?? "null"}).");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows, Description = "1-row tables -> records, per record")]
    public int OneRowTables()
    {
        var count = 0;
        foreach (var (input, scored, ids) in _singles)
        {
            count += _records.Of(input, scored, _time, ids, null).Count;
        }

        return count;
    }

    [Benchmark(OperationsPerInvoke = Rows, Description = "100-row table -> records, per record")]
    public int HundredRowTable() => _records.Of(_batch.Input, _batch.Scored, _time, _batch.Ids, null).Count;

    private string[] Ids(int count) => [.. Enumerable.Range(0, count).Select(_ => PredictionIds.Format(Guid.CreateVersion7(_time)))];
}
