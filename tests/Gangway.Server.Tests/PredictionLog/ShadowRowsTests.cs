using System.Text;
using Gangway.Learners;
using Gangway.PredictionLog;
using Gangway.Server.Hosting;
using Gangway.Server.Predict;
using Gangway.Server.PredictionLogging;
using Gangway.Server.Serving;

namespace Gangway.Server.Tests.PredictionLog;

/// <summary>
/// A shadow scores a one-record answer with its own row scorer, its input columns found by name in the answer, and
/// predicts exactly what its table path predicts; what the row scorer cannot take is left to the table path.
/// </summary>
public sealed class ShadowRowsTests(TwoModels models, ReorderedShadow reordered) : IClassFixture<TwoModels>, IClassFixture<ReorderedShadow>
{
    private static readonly string[] Records =
    [
        """{"PassengerId": 892, "Pclass": 3, "Name": "Kelly, Mr. James", "Sex": "male", "Age": 34.5, "SibSp": 0, "Parch": 0, "Fare": 7.8292, "Embarked": "Q"}""",
        """{"Embarked": "S", "Fare": 80, "Parch": 0, "SibSp": 1, "Age": 30, "Sex": "female", "Name": "Smith, Mrs. Jane", "Pclass": 1, "PassengerId": 900}""",
        // No id (a booking not made yet) and no age: each shadow scores it with neither given.
        """{"Pclass": 2, "Name": "Myles, Mr. Thomas Francis", "Sex": "male", "Age": null, "SibSp": 0, "Parch": 0, "Fare": 9.6875, "Embarked": "Q"}""",
    ];

    public static TheoryData<string, string> ShadowsAndRecords
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var shadow in new[] { "baseline.gwb", "reordered" })
            {
                foreach (var record in Records)
                {
                    data.Add(shadow, record);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ShadowsAndRecords))]
    public void TryScore_OneRecordAnswer_PredictsWhatTheShadowsTablePathPredictsBitForBit(string shadowModel, string record)
    {
        var shadow = Load(shadowModel);
        var answer = Answer(Load("titanic.gwb"), record);
        Assert.NotNull(shadow.Rows);

        Assert.True(new ShadowRows().TryScore(answer, shadow, out var prediction));

        var table = shadow.Bundle.Model.Transform(answer.Input());
        var fast = ScoredAnswer.ScoredRow(prediction);
        Assert.Equal(BitConverter.DoubleToInt64Bits(table.GetNumeric(PredictionColumns.Probability)[0]), BitConverter.DoubleToInt64Bits(fast.GetNumeric(PredictionColumns.Probability)[0]));
        Assert.Equal(table[PredictionColumns.Prediction].FormatValue(0), fast[PredictionColumns.Prediction].FormatValue(0));
    }

    [Fact]
    public void TryScore_SameAnswerTwice_ScoresBothTheSame()
    {
        var rows = new ShadowRows();
        var shadow = Load("reordered");
        var titanic = Load("titanic.gwb");

        Assert.True(rows.TryScore(Answer(titanic, """{"PassengerId": 1, "Pclass": 1, "Name": "A, Mrs. B", "Sex": "female", "Age": 20, "SibSp": 0, "Parch": 0, "Fare": 50, "Embarked": "C"}"""), shadow, out var first));
        Assert.True(rows.TryScore(Answer(titanic, """{"PassengerId": 2, "Pclass": 3, "Name": "C, Mr. D", "Sex": "male", "Age": 40, "SibSp": 0, "Parch": 0, "Fare": 8, "Embarked": "S"}"""), shadow, out var second));
        Assert.True(rows.TryScore(Answer(titanic, """{"PassengerId": 1, "Pclass": 1, "Name": "A, Mrs. B", "Sex": "female", "Age": 20, "SibSp": 0, "Parch": 0, "Fare": 50, "Embarked": "C"}"""), shadow, out var again));

        Assert.NotEqual(first.Probability, second.Probability);
        Assert.Equal(first, again);
    }

    [Fact]
    public void TryScore_ValueTheShadowsContractWarnsAbout_LeavesItToTheTablePath()
    {
        // Titanic's contract allows an age up to 120; the reordered shadow's warns above 60.
        var answer = Answer(Load("titanic.gwb"), """{"PassengerId": 7, "Pclass": 1, "Name": "Old, Mr. Al", "Sex": "male", "Age": 70, "SibSp": 0, "Parch": 0, "Fare": 30, "Embarked": "S"}""");

        Assert.False(new ShadowRows().TryScore(answer, Load("reordered"), out _));
    }

    [Fact]
    public void TryScore_ShadowReadsColumnsTheAnswerLacks_LeavesItToTheTablePath()
    {
        // The baseline answered with Pclass and Sex only; titanic also reads Name, Age and more.
        var baseline = Load("baseline.gwb");
        Assert.NotNull(baseline.Rows);
        var answer = Answer(baseline, """{"PassengerId": 892, "Pclass": 3, "Sex": "male"}""");

        Assert.False(new ShadowRows().TryScore(answer, Load("titanic.gwb"), out _));
    }

    [Fact]
    public void TryScore_AnswerScoredAsATable_LeavesItToTheTablePath()
    {
        var titanic = Load("titanic.gwb");
        var input = titanic.Bundle.Examples.Take([0]);
        var answer = ScoredAnswer.OfTable(input, titanic.Bundle.Model.Transform(input), PredictionSources.Predict, titanic, null, "table", DateTimeOffset.UtcNow, 1, [Guid.NewGuid()]);

        Assert.False(new ShadowRows().TryScore(answer, Load("baseline.gwb"), out _));
    }

    // A one-record answer as /predict's fast path makes it: read into a rented row, scored, copied, the row returned.
    private static ScoredAnswer Answer(Served served, string record)
    {
        var scorer = served.Rows!;
        var row = scorer.Rent();
        try
        {
            Assert.True(SingleRecordReader.TryRead(Encoding.UTF8.GetBytes(record), served.Schema, new ServerOptions(), row));
            Assert.True(scorer.TryScore(row, out var prediction));
            return ScoredAnswer.OfRow(row, prediction, PredictionSources.Predict, served, null, "fast", DateTimeOffset.UtcNow, 1, Guid.NewGuid());
        }
        finally
        {
            scorer.Return(row);
        }
    }

    private Served Load(string model) =>
        ServedLoader.Load(model == "reordered" ? reordered.Path : Path.Combine(models.Folder, model), null, DateTimeOffset.UtcNow, GangwayCatalog.BuiltIn, "shadow");
}
