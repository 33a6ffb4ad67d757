using Gangway.Bundles;
using Gangway.Data;
using Gangway.Scoring;
using Gangway.Training;

namespace Gangway.Tests.Scoring;

public sealed class BatchScorerReadAheadTests
{
    private static readonly Lazy<ModelBundle> Titanic = new(() => new ModelTrainer().Train(TestFile("titanic.yaml"), TestFile("train.csv")));

    [Fact]
    public void Score_ManySmallChunks_SameOutputAsOneChunk()
    {
        var input = File.ReadAllText(TestFile("predict.csv"));

        var (whole, wholeResult) = Score(input, new BatchScoringOptions { ChunkSize = 100_000 });
        var (chunked, chunkedResult) = Score(input, new BatchScoringOptions { ChunkSize = 7 });

        Assert.Equal(whole, chunked);
        Assert.Equal(418, chunkedResult.RowsScored);
        Assert.Equal(wholeResult.RowsScored, chunkedResult.RowsScored);
        Assert.StartsWith("PassengerId,prediction,probability\n892,0,", chunked, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_ProgressInLaterChunks_ReportedInOrderUpToEveryRow()
    {
        var reports = new List<long>();

        Score(File.ReadAllText(TestFile("predict.csv")), new BatchScoringOptions { ChunkSize = 50, Progress = new Recorder(reports) });

        Assert.Equal(418, reports[^1]);
        Assert.Equal(reports.Order(), reports);
        Assert.Equal(9, reports.Count);
    }

    [Theory]
    [InlineData(3, "robot")]
    [InlineData(300, "robot")]
    [InlineData(300, "notanumber")]
    public void Score_BadRowWithFail_NamesItsLineAfterWritingEveryEarlierChunk(int badLine, string badValue)
    {
        var lines = File.ReadAllLines(TestFile("predict.csv"));
        lines[badLine - 1] = Spoil(lines[badLine - 1], badValue);
        using var output = new StringWriter();

        var error = Assert.Throws<GangwayException>(() =>
            BatchScorer.Score(Titanic.Value, new StringReader(string.Join('\n', lines)), output, new BatchScoringOptions { ChunkSize = 10 }));

        Assert.Contains($"line {badLine}", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(badValue, error.Message, StringComparison.Ordinal);
        // The header and all whole chunks before the bad row's chunk were written; nothing after it.
        Assert.Equal(1 + ((badLine - 2) / 10 * 10), output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Score_BadRowsWithSkipAcrossChunks_ScoresTheRestAndReportsThemInLineOrder()
    {
        var lines = File.ReadAllLines(TestFile("predict.csv"));
        lines[2] = Spoil(lines[2], "robot");
        lines[150] = Spoil(lines[150], "notanumber");
        lines[151] = Spoil(lines[151], "robot");

        var (output, result) = Score(string.Join('\n', lines), new BatchScoringOptions { ChunkSize = 16, OnError = InvalidRowPolicy.Skip });

        Assert.Equal(415, result.RowsScored);
        Assert.Equal([3, 151, 152], result.Rejected.Select(r => r.Line));
        Assert.Equal(1 + 415, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    // "robot" breaks the one-hot step (an unknown Sex), "notanumber" breaks parsing (Pclass must be a number).
    private static string Spoil(string line, string value) => value == "robot"
        ? line.Replace(",male,", ",robot,", StringComparison.Ordinal).Replace(",female,", ",robot,", StringComparison.Ordinal)
        : string.Join(',', [line.Split(',')[0], value, .. line.Split(',').Skip(2)]);

    private static (string Output, BatchScoringResult Result) Score(string csv, BatchScoringOptions options)
    {
        using var output = new StringWriter();
        var result = BatchScorer.Score(Titanic.Value, new StringReader(csv), output, options);
        return (output.ToString(), result);
    }

    private static string TestFile(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "titanic", name);

    private sealed class Recorder(List<long> reports) : IProgress<long>
    {
        public void Report(long value) => reports.Add(value);
    }
}
