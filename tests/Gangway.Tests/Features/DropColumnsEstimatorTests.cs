using Gangway.Features;

namespace Gangway.Tests.Features;

public sealed class DropColumnsEstimatorTests
{
    [Fact]
    public void Transform_NamedColumns_RemovesThemAndIgnoresAbsentOnes()
    {
        var data = FeatureEstimatorCases.Passengers;

        var output = new DropColumnsEstimator(["Ticket", "Cabin", "Name"]).Fit(data).Transform(data);

        Assert.Equal(["PassengerId", "Pclass", "Sex", "Age", "SibSp", "Parch", "Fare", "Embarked"], output.ColumnNames);
        Assert.Same(data["Age"], output["Age"]);
    }

    [Fact]
    public void Transform_NoneOfTheColumnsPresent_ReturnsDataUnchanged()
    {
        var data = FeatureEstimatorCases.Passengers;

        var output = new DropColumnsEstimator(["Cabin"]).Fit(data).Transform(data);

        Assert.Same(data, output);
    }

    [Fact]
    public void Constructor_BlankColumn_ThrowsInvalidConfiguration()
    {
        var ex = Assert.Throws<GangwayException>(() => new DropColumnsEstimator([" "]));

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
    }
}
