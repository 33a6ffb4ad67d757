using Gangway.Data;
using Gangway.Learners;
using Gangway.Scoring;
using Gangway.Tests.Bundles;
using Gangway.Tests.Training;
using Gangway.Training;

namespace Gangway.Tests.Scoring;

public class TableScorerTests(MonotoneTitanic monotone) : IClassFixture<MonotoneTitanic>
{
    // train.csv (712 passengers) 50 times over: three chunks, the last one short.
    private const int Copies = 50;

    [Fact]
    public void Scored_ManyChunks_EqualsOneTransformRowForRow()
    {
        var data = Repeated();
        Assert.True(data.RowCount > 2 * TableScorer.ChunkRows);

        var scored = TableScorer.Scored(monotone.Model, data);
        var whole = monotone.Model.Transform(data);

        Assert.Equal(whole.GetNumeric(PredictionColumns.Probability).Values.ToArray(), scored.GetNumeric(PredictionColumns.Probability).Values.ToArray());
        Assert.Equal(Formatted(whole[PredictionColumns.Prediction]), Formatted(scored[PredictionColumns.Prediction]));
        Assert.Equal(data.ColumnNames.Concat([PredictionColumns.Probability, PredictionColumns.Prediction]), scored.ColumnNames);
    }

    [Fact]
    public void Scored_BadRowsInLaterChunks_NamesTheFirstOfThemByItsRowInTheWholeTable()
    {
        var data = WithSex(Repeated(), (30_000, "robot"), (20_000, "cyborg"));

        var error = Assert.Throws<GangwayException>(() => TableScorer.Scored(monotone.Model, data));

        Assert.Equal(20_000, error.Row);
        Assert.Contains("row 20000", error.Message, StringComparison.Ordinal);
        Assert.Contains("cyborg", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("row 3616", error.Message, StringComparison.Ordinal); // 20000 - 16384: the row within its chunk
    }

    [Fact]
    public void ReadAndScore_ManyChunks_KeepsEveryRowWithItsLineAndScoresLikeOneTransform()
    {
        using var temp = new TempDirectory();
        var path = WriteRepeatedCsv(temp, badLine: null);
        var options = SpecData.ReadOptions(monotone.Bundle.Schema, includeTarget: true);

        var read = TableScorer.ReadAndScore(monotone.Model, new CsvFileSource(path), options);

        var whole = CsvReader.ReadFile(path, options);
        Assert.Equal(whole.RowCount, read.Data.Table.RowCount);
        Assert.Equal(Enumerable.Range(2, whole.RowCount).Select(l => (long)l), read.Data.Lines);
        Assert.Equal(
            monotone.Model.Transform(whole).GetNumeric(PredictionColumns.Probability).Values.ToArray(),
            read.Scored().GetNumeric(PredictionColumns.Probability).Values.ToArray());
    }

    [Fact]
    public void ReadAndScore_RowTheModelCannotScore_ThrowsOnlyWhenTheScoresAreAskedFor()
    {
        using var temp = new TempDirectory();
        var path = WriteRepeatedCsv(temp, badLine: 30_002);
        var options = SpecData.ReadOptions(monotone.Bundle.Schema, includeTarget: true);

        var read = TableScorer.ReadAndScore(monotone.Model, new CsvFileSource(path), options);

        // The rows are all there for a contract check to run first; the scoring error waits.
        Assert.Equal("robot", read.Data.Table.GetText("Sex")[30_000]);
        var error = Assert.Throws<GangwayException>(read.Scored);
        Assert.Equal(30_000, error.Row);
    }

    [Fact]
    public void Evaluate_BadRowDeepInALargeFile_TheContractNamesItsLineBeforeTheModelFails()
    {
        using var temp = new TempDirectory();
        var path = WriteRepeatedCsv(temp, badLine: 30_002);

        var error = Assert.Throws<GangwayException>(() => BundleEvaluator.Evaluate(monotone.Bundle, new CsvFileSource(path)));

        Assert.StartsWith("The evaluation data", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 30002", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sex", error.Message, StringComparison.Ordinal);
    }

    private Table Repeated()
    {
        var train = SpecData.ReadLabelled(monotone.Bundle.Schema, TitanicFiles.Train);
        return train.Take([.. Enumerable.Range(0, train.RowCount * Copies).Select(i => i % train.RowCount)]);
    }

    private static Table WithSex(Table data, params (int Row, string Value)[] changes)
    {
        var sex = data.GetText("Sex").Values.ToArray();
        foreach (var (row, value) in changes)
        {
            sex[row] = value;
        }

        return data.With(new TextColumn("Sex", sex));
    }

    private static string WriteRepeatedCsv(TempDirectory temp, int? badLine)
    {
        var lines = File.ReadAllLines(TitanicFiles.Train);
        var path = temp.File("repeated.csv");
        using var writer = new StreamWriter(path);
        writer.WriteLine(lines[0]);
        var line = 1;
        for (var copy = 0; copy < Copies; copy++)
        {
            foreach (var row in lines.Skip(1))
            {
                line++;
                writer.WriteLine(line == badLine ? row.Replace(",male,", ",robot,", StringComparison.Ordinal).Replace(",female,", ",robot,", StringComparison.Ordinal) : row);
            }
        }

        return path;
    }

    private static string?[] Formatted(Column column) => [.. Enumerable.Range(0, column.Length).Select(column.FormatValue)];
}
