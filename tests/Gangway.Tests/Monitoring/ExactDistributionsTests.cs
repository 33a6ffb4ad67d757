using Gangway.Data;
using Gangway.Monitoring;

namespace Gangway.Tests.Monitoring;

public class ExactDistributionsTests
{
    private static readonly Table Table = new(
        new NumericColumn("Age", [30, double.NaN, 20, 30]),
        new TextColumn("Sex", ["male", null, "female", "male"]));

    [Fact]
    public void Numeric_Column_IsTheSortedValuesWithMissingCountedApart()
    {
        var age = ExactDistributions.Of(Table).Numeric("Age");

        Assert.Equal([20.0, 30, 30], age.Values.ToArray());
        Assert.Equal(1, age.Missing);
    }

    [Fact]
    public void Categories_NumericAndTextColumns_CountFormattedValues()
    {
        var distributions = ExactDistributions.Of(Table);

        Assert.Equal(2, distributions.Categories("Age").Counts["30"]);
        Assert.Equal(1, distributions.Categories("Age").Missing);
        Assert.Equal(2, distributions.Categories("Sex").Counts["male"]);
        Assert.Equal(4, distributions.RowCount);
        Assert.Equal(ColumnType.Text, distributions.ColumnTypeOf("Sex"));
    }

    [Fact]
    public void Of_ColumnList_KeepsOnlyThoseColumns()
    {
        Assert.Equal(["Sex"], ExactDistributions.Of(Table, ["Sex"]).Columns);
    }

    [Fact]
    public void Numeric_TextColumn_ThrowsInvalidInput()
    {
        var error = Assert.Throws<GangwayException>(() => ExactDistributions.Of(Table).Numeric("Sex"));

        Assert.Equal(ErrorKind.InvalidInput, error.Kind);
    }

    [Fact]
    public void ColumnTypeOf_UnknownColumn_ThrowsNotFoundListingTheColumns()
    {
        var error = Assert.Throws<GangwayException>(() => ExactDistributions.Of(Table).ColumnTypeOf("Fare"));

        Assert.Equal(ErrorKind.NotFound, error.Kind);
        Assert.Contains("Age, Sex", error.Message, StringComparison.Ordinal);
    }
}
