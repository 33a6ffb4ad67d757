using System.Text.Json;
using Gangway.Data;
using Gangway.Learners;
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

    [Fact]
    public void Of_NumericKeys_WritesTheCanonicalKeyOfEachValue()
    {
        double[] values = [892, 892.5, -3, 1e20, 0.1 + 0.2, -0d, double.NaN, double.PositiveInfinity];
        var input = Inputs(new NumericColumn("PassengerId", values));

        var records = new ScoredTableRecords(trained.Titanic, "hash", null, PredictionSources.Batch).Of(input, ScoredRows(values.Length), Time);

        Assert.Equal(values.Select(v => PredictionKey.Canonical("PassengerId", v)), records.Select(r => r.Key));
        Assert.Equal("""{"PassengerId":"892"}""", records[0].Key);
        Assert.Null(records[^1].Key);
    }

    [Fact]
    public void Of_TextKeys_WritesTheCanonicalKeyOfEachValue()
    {
        string?[] values = [" 0892 ", "892.0", "1e3", "abc", "Zoë \"Q\"", "  ", "", null];
        var input = Inputs(new TextColumn("PassengerId", values));

        var records = new ScoredTableRecords(trained.Titanic, "hash", null, PredictionSources.Batch).Of(input, ScoredRows(values.Length), Time);

        Assert.Equal(values.Select(v => PredictionKey.Canonical("PassengerId", v)), records.Select(r => r.Key));
        Assert.Equal("""{"PassengerId":"892"}""", records[0].Key);
    }

    [Fact]
    public void Of_WithoutTheIdColumn_GivesNoKeyAndLeavesMissingInputsOut()
    {
        var input = new Table(new NumericColumn("Age", [double.NaN, 4.5]), new TextColumn("Sex", ["Zoë \"Q\"\n", null]), new TextColumn("Name", ["Kelly", null]));

        var records = new ScoredTableRecords(trained.Titanic, "hash", null, PredictionSources.Batch).Of(input, ScoredRows(2), Time);

        Assert.All(records, r => Assert.Null(r.Key));
        var expected = new[] { (Age: (double?)null, Sex: "Zoë \"Q\"\n"), (Age: 4.5, Sex: (string?)null) }.Select(row => JsonSerializer.Serialize(
            new Dictionary<string, object?> { ["Sex"] = row.Sex, ["Age"] = row.Age, ["Name"] = PersonalDataMask.Hidden }
                .OrderBy(p => trained.Titanic.Schema.Columns.ToList().FindIndex(c => c.Name == p.Key)).ToDictionary()));
        Assert.Equal(expected, records.Select(r => r.Inputs));
    }

    [Fact]
    public void Of_AnswerDetails_AreCarriedByEveryRecord()
    {
        var (input, scored) = Scored(2);
        var details = new AnswerDetails { RequestId = "req-1", Variant = "challenger", IsShadow = true, LatencyMs = 1.5 };

        var records = new ScoredTableRecords(trained.Titanic, "hash", null, PredictionSources.Predict).Of(input, scored, Time, null, null, details);

        Assert.All(records, r => Assert.Equal(details, new AnswerDetails { RequestId = r.RequestId, Variant = r.Variant, IsShadow = r.IsShadow, LatencyMs = r.LatencyMs }));
    }

    private static Table Inputs(Column passengerId) =>
        new(passengerId, new TextColumn("Name", [.. Enumerable.Repeat("Kelly, Mr. James", passengerId.Length)]));

    private static Table ScoredRows(int rows) => new(
        new NumericColumn(PredictionColumns.Prediction, [.. Enumerable.Repeat(1d, rows)]),
        new NumericColumn(PredictionColumns.Probability, [.. Enumerable.Repeat(0.75, rows)]));

    private (Table Input, Table Scored) Scored(int rows)
    {
        var input = CsvReader.ReadFile(TitanicFiles.Predict, SpecData.ReadOptions(trained.Titanic.Schema, includeTarget: false)).Take([.. Enumerable.Range(0, rows)]);
        return (input, trained.Titanic.Model.Transform(input));
    }

    private static string New() => PredictionIds.Format(Guid.CreateVersion7(Time));
}
