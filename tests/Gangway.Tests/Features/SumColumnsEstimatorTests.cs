using Gangway.Data;
using Gangway.Features;

namespace Gangway.Tests.Features;

public sealed class SumColumnsEstimatorTests
{
    private static readonly Table Data = new(
        new NumericColumn("SibSp", [1, 0, double.NaN]),
        new NumericColumn("Parch", [2, 0, 1]),
        new TextColumn("Name", ["a", "b", "c"]));

    [Fact]
    public void Transform_FamilySize_AddsSumPlusOffsetAndKeepsInputs()
    {
        var output = new SumColumnsEstimator(["SibSp", "Parch"], "FamilySize", 1).Fit(Data).Transform(Data);

        Assert.Equal(["SibSp", "Parch", "Name", "FamilySize"], output.ColumnNames);
        Assert.Equal(4, output.GetNumeric("FamilySize")[0]);
        Assert.Equal(1, output.GetNumeric("FamilySize")[1]);
    }

    [Fact]
    public void Transform_AnyInputMissing_GivesMissingSum()
    {
        var output = new SumColumnsEstimator(["SibSp", "Parch"], "FamilySize", 1).Fit(Data).Transform(Data);

        Assert.True(output["FamilySize"].IsMissing(2));
    }

    [Fact]
    public void Constructor_InfiniteOffset_ThrowsInvalidConfiguration()
    {
        var ex = Assert.Throws<GangwayException>(() => new SumColumnsEstimator(["SibSp"], "Total", double.PositiveInfinity));

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
    }

    [Fact]
    public void Fit_TextInput_ThrowsNamingColumn()
    {
        var ex = Assert.Throws<GangwayException>(() => new SumColumnsEstimator(["SibSp", "Name"], "Total").Fit(Data));

        Assert.Contains("'Name'", ex.Message, StringComparison.Ordinal);
    }
}
