using System.Text.Json;
using Gangway.Data;
using Gangway.PredictionLog;
using Gangway.Scoring;
using Gangway.Tests.Training;
using Gangway.Training;

namespace Gangway.Tests.PredictionLog;

public sealed class ScoredTableRecordsTests(TrainedTitanic trained) : IClassFixture<TrainedTitanic>
{
    private static readonly DateTimeOffset Time = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Of_IdsGiven_KeepsThemRowForRowAndMasksPersonalData()
    {
        var (input, scored) = Scored(3);
        string[] ids = [New(), New(), New()];
        string[] answers = [New(), New(), New()];

        var records = new ScoredTableRecords(trained.Titanic, "hash", 3, PredictionSources.Predict).Of(input, scored, Time, ids, answers);

        Assert.Equal(ids, records.Select(r => r.PredictionId));
        Assert.Equal(answers, records.Select(r => r.AnswerId));
        Assert.All(records, r => Assert.Equal(PersonalDataMask.Hidden, JsonDocument.Parse(r.Inputs).RootElement.GetProperty("Name").GetString()));
        Assert.Equal(scored.GetNumeric("probability").Values.ToArray(), records.Select(r => r.Probability!.Value));
    }

    [Fact]
    public void Of_NoIds_GivesEachRecordANewIdThatIsItsOwnAnswer()
    {
        var (input, scored) = Scored(2);

        var records = new ScoredTableRecords(trained.Titanic, "hash", null, PredictionSources.Batch).Of(input, scored, Time, null, null);

        Assert.All(records, r => Assert.Equal(r.PredictionId, r.AnswerId));
        Assert.All(records, r => Assert.Equal(Time.ToUnixTimeMilliseconds(), PredictionIds.TimeOf(r.PredictionId)!.Value.ToUnixTimeMilliseconds()));
        Assert.Equal(2, records.Select(r => r.PredictionId).Distinct().Count());
    }

    [Fact]
    public void Of_IdsForOtherRows_ThrowsNamingTheRowCount()
    {
        var (input, scored) = Scored(2);

        var error = Assert.Throws<ArgumentException>(() =>
            new ScoredTableRecords(trained.Titanic, "hash", null, PredictionSources.Batch).Of(input, scored, Time, [New()], null));

        Assert.StartsWith("The input has 2 rows; there must be one prediction id and one answer id per row.", error.Message, StringComparison.Ordinal);
    }

    private (Table Input, Table Scored) Scored(int rows)
    {
        var input = CsvReader.ReadFile(TitanicFiles.Predict, SpecData.ReadOptions(trained.Titanic.Schema, includeTarget: false)).Take([.. Enumerable.Range(0, rows)]);
        return (input, trained.Titanic.Model.Transform(input));
    }

    private static string New() => PredictionIds.Format(Guid.CreateVersion7(Time));
}
