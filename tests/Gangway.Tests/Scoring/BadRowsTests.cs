using Gangway.Data;
using Gangway.Scoring;

namespace Gangway.Tests.Scoring;

public sealed class BadRowsTests
{
    private static readonly Table Ages = new(new NumericColumn("Age", [30, -1, 40, -2]));

    // Like a model: stops at the first negative age, naming its row in the table it was given.
    private static double Sum(Table table)
    {
        var ages = table.GetNumeric("Age");
        for (var row = 0; row < table.RowCount; row++)
        {
            if (ages[row] < 0)
            {
                throw new GangwayException(ErrorKind.InvalidInput, $"Column 'Age' must be 0 or more; row {row} has {ages[row]}.", row, "Age");
            }
        }

        return ages.Values.ToArray().Sum();
    }

    [Fact]
    public void Score_AllRowsGood_ReturnsTheScoresOfTheWholeTable()
    {
        var good = Ages.Take([0, 2]);

        var result = BadRows.Score(good, Sum);

        Assert.True(result.AllScored);
        Assert.Equal(70, result.Scored);
        Assert.Empty(result.Failures);
    }

    [Fact]
    public void Score_TwoBadRows_FindsEachOneAlone()
    {
        var result = BadRows.Score(Ages, Sum);

        Assert.False(result.AllScored);
        Assert.Equal([1, 3], result.Failures.Select(f => f.Row));
        // Each error was raised on the row alone, so its own row is 0; the failure says where it is in the table.
        Assert.All(result.Failures, f => Assert.Equal(0, f.Error.Row));
        Assert.Equal([0, 2], result.GoodRows(Ages));
    }

    [Fact]
    public void Score_NotFindingAll_StopsAtTheFirstBadRowOfTheWholeTable()
    {
        var tried = 0;

        var result = BadRows.Score(Ages, table => { tried++; return Sum(table); }, findAll: false);

        var failure = Assert.Single(result.Failures);
        Assert.Equal(1, failure.Row);
        Assert.Equal(1, tried);
    }

    [Fact]
    public void Score_ErrorAboutNoRow_IsThrown()
    {
        var ex = Assert.Throws<GangwayException>(() => BadRows.Score<double>(Ages, _ => throw new GangwayException(ErrorKind.NotFound, "No column 'Sex'.")));

        Assert.Equal("No column 'Sex'.", ex.Message);
    }

    [Fact]
    public void Score_RowsThatFailOnlyTogether_ReportTheRowTheTableFailedOn()
    {
        var result = BadRows.Score(Ages, table => table.RowCount > 1 ? throw new GangwayException(ErrorKind.InvalidInput, "row 2 clashes.", 2, "Age") : 0.0);

        var failure = Assert.Single(result.Failures);
        Assert.Equal(2, failure.Row);
    }
}
