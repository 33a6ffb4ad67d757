using System.Text;
using Gangway.Bundles;
using Gangway.Data;
using Gangway.Learners;
using Gangway.Scoring;
using Gangway.Tests.Bundles;
using Gangway.Tests.Training;
using Gangway.Training;

namespace Gangway.Tests.Scoring;

public class BatchScorerTests(TrainedTitanic trained) : IClassFixture<TrainedTitanic>
{
    private const string Header = "PassengerId,Pclass,Sex";

    [Fact]
    public void OutputColumns_AreTheIdsThenPredictionAndProbability()
    {
        Assert.Equal(["PassengerId", PredictionColumns.Prediction, PredictionColumns.Probability], BatchScorer.OutputColumns(trained.Titanic.Schema));
    }

    [Fact]
    public void Score_PredictCsv_WritesHeaderAndOneRowPerInputRow()
    {
        var (text, result) = ScoreFile(trained.Titanic, TitanicFiles.Predict);

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("PassengerId,prediction,probability", lines[0]);
        Assert.Equal(418, lines.Length - 1);
        Assert.Equal(418, result.RowsScored);
        Assert.Empty(result.Rejected);
        Assert.StartsWith("892,", lines[1], StringComparison.Ordinal);
        Assert.All(lines.Skip(1), line => Assert.Matches(@"^\d+,[01],0(\.\d+(E-\d+)?)?$|^\d+,[01],1$", line));
    }

    [Fact]
    public void Score_SmallChunks_GiveTheSameOutputAsOneChunk()
    {
        var (small, _) = ScoreFile(trained.Titanic, TitanicFiles.Predict, new BatchScoringOptions { ChunkSize = 7 });
        var (large, _) = ScoreFile(trained.Titanic, TitanicFiles.Predict, new BatchScoringOptions { ChunkSize = 8192 });

        Assert.Equal(large, small);
    }

    [Fact]
    public void Score_SameSpecDataAndSeedTrainedTwice_ByteIdenticalPredictions()
    {
        var again = new ModelTrainer().Train(TitanicFiles.TitanicSpec, TitanicFiles.Train);

        var first = ScoreBytes(trained.Titanic);
        var second = ScoreBytes(again);

        Assert.Equal(first, second);
        Assert.Equal(trained.Titanic.Lineage with { TrainedAtUtc = default }, again.Lineage with { TrainedAtUtc = default });
    }

    [Fact]
    public void Score_BundleReadBackFromDisk_ByteIdenticalPredictions()
    {
        using var temp = new TempDirectory();
        var path = temp.File("titanic.gwb");
        BundleWriter.Write(trained.Titanic, path);

        Assert.Equal(ScoreBytes(trained.Titanic), ScoreBytes(BundleReader.Read(path)));
    }

    [Fact]
    public void Score_FailPolicyBadNumber_ErrorNamesTheCsvLine()
    {
        var csv = Csv("1,3,male", "2,1,female", "3,2,male", "4,first,female");

        var ex = Assert.Throws<GangwayException>(() => Score(trained.Baseline, csv, new BatchScoringOptions { ChunkSize = 2 }));

        Assert.StartsWith("Line 5, column 'Pclass':", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_FailPolicyUnknownCategory_ErrorNamesTheCsvLineNotTheChunkRow()
    {
        var csv = Csv("1,3,male", "2,1,female", "3,2,male", "4,1,unknown", "5,3,male");

        var ex = Assert.Throws<GangwayException>(() => Score(trained.Baseline, csv, new BatchScoringOptions { ChunkSize = 3 }));

        Assert.Equal(ErrorKind.InvalidInput, ex.Kind);
        // The bundle's data contract rejects the value before the one-hot step would.
        Assert.Equal("Column 'Sex' must be one of male, female; line 5 has 'unknown'.", ex.Message);
        Assert.DoesNotContain("row", ex.Message, StringComparison.Ordinal);
        Assert.Equal("Sex", ex.Column);
    }

    [Fact]
    public void Score_SkipPolicy_LeavesOutBadRowsAcrossChunksAndReportsTheirLines()
    {
        // Chunks of 3 rows: lines 2-4 hold a parse error and a model error, 5-7 are fine, 8-10 hold two model errors.
        var csv = Csv("1,3,male", "2,x,female", "3,1,other", "4,1,female", "5,2,male", "6,3,female", "7,1,nope", "8,2,male", "9,2,");

        var (text, result) = Score(trained.Baseline, csv, new BatchScoringOptions { ChunkSize = 3, OnError = InvalidRowPolicy.Skip });

        Assert.Equal([3L, 4, 8, 10], result.Rejected.Select(r => r.Line).Order());
        Assert.All(result.Rejected.Where(r => r.Line != 3), r => Assert.Equal("Sex", r.Column));
        Assert.Equal("Pclass", result.Rejected.Single(r => r.Line == 3).Column);
        Assert.Equal(5, result.RowsScored);
        Assert.Equal(["1", "4", "5", "6", "8"], Ids(text));
    }

    [Fact]
    public void Score_SkipPolicy_RejectedRowsAreInFileOrder()
    {
        var csv = Csv("1,3,other", "2,x,female", "3,1,female");

        var (_, result) = Score(trained.Baseline, csv, new BatchScoringOptions { OnError = InvalidRowPolicy.Skip });

        Assert.Equal([2L, 3], result.Rejected.Select(r => r.Line));
    }

    [Fact]
    public void Score_SkipPolicyWholeChunkBad_ScoresTheOtherChunks()
    {
        // Chunks of one kept row: line 2 is rejected while reading, so the first chunk's only row is the bad line 3,
        // and the last chunk holds nothing but the rejected line 5.
        var csv = Csv("1,x,male", "2,1,other", "3,1,female", "4,y,male");

        var (text, result) = Score(trained.Baseline, csv, new BatchScoringOptions { ChunkSize = 1, OnError = InvalidRowPolicy.Skip });

        Assert.Equal([2L, 3, 5], result.Rejected.Select(r => r.Line));
        Assert.Equal(["3"], Ids(text));
        Assert.Equal(1, result.RowsScored);
    }

    [Fact]
    public void Score_SkipPolicyModelError_ReasonNamesTheValue()
    {
        var (_, result) = Score(trained.Baseline, Csv("1,3,other"), new BatchScoringOptions { OnError = InvalidRowPolicy.Skip });

        var rejected = Assert.Single(result.Rejected);
        Assert.Equal(2, rejected.Line);
        Assert.Contains("'other'", rejected.Message, StringComparison.Ordinal);
        Assert.StartsWith("Line 2, column 'Sex':", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_Progress_ReachesTheTotalRowCount()
    {
        var progress = new RecordingProgress<long>();
        var csv = Csv("1,3,male", "2,x,female", "3,1,female", "4,2,male", "5,2,other");

        Score(trained.Baseline, csv, new BatchScoringOptions { ChunkSize = 2, OnError = InvalidRowPolicy.Skip, Progress = progress });

        // A chunk holds ChunkSize kept rows plus the rows rejected while reading them.
        Assert.Equal([3L, 5], progress.Reports);
    }

    [Fact]
    public void Score_InputWithoutTheIdColumn_WritesPredictionsWithoutIt()
    {
        var (text, result) = Score(trained.Baseline, "Pclass,Sex\n3,male\n1,female\n");
        var (withIds, _) = Score(trained.Baseline, "PassengerId,Pclass,Sex\n7,3,male\n8,1,female\n");

        Assert.Equal(2, result.RowsScored);
        Assert.StartsWith("prediction,probability\n", text, StringComparison.Ordinal);
        Assert.Equal(withIds.Split('\n').Skip(1).Select(l => l.Length == 0 ? l : l[2..]), text.Split('\n').Skip(1));
    }

    [Fact]
    public void Score_InputWithoutAFeatureColumn_ErrorNamesItAndListsColumnsPresent()
    {
        var csv = "PassengerId,Pclass\n1,3\n";

        var ex = Assert.Throws<GangwayException>(() => Score(trained.Baseline, csv));

        Assert.Equal("Could not find column 'Sex' in the CSV header. Columns present: PassengerId, Pclass.", ex.Message);
    }

    [Fact]
    public void Score_EmptyInputAfterHeader_WritesOnlyTheHeader()
    {
        var (text, result) = Score(trained.Baseline, Header + "\n");

        Assert.Equal("PassengerId,prediction,probability\n", text);
        Assert.Equal(0, result.RowsScored);
    }

    private static string Csv(params string[] rows) => Header + "\n" + string.Join('\n', rows) + "\n";

    private static string[] Ids(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line[..line.IndexOf(',', StringComparison.Ordinal)])];

    private static (string Text, BatchScoringResult Result) Score(ModelBundle bundle, string csv, BatchScoringOptions? options = null)
    {
        using var output = new StringWriter();
        var result = BatchScorer.Score(bundle, new StringReader(csv), output, options);
        return (output.ToString(), result);
    }

    private static (string Text, BatchScoringResult Result) ScoreFile(ModelBundle bundle, string path, BatchScoringOptions? options = null) =>
        Score(bundle, File.ReadAllText(path), options);

    private static byte[] ScoreBytes(ModelBundle bundle)
    {
        using var input = File.OpenText(TitanicFiles.Predict);
        using var stream = new MemoryStream();
        using (var output = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true))
        {
            BatchScorer.Score(bundle, input, output);
        }

        return stream.ToArray();
    }
}
