using Gangway.Data;
using Gangway.Features;

namespace Gangway.Tests.Features;

public sealed class SelectColumnsEstimatorTests
{
    [Fact]
    public void Transform_NamedColumns_KeepsOnlyThemInGivenOrder()
    {
        var output = new SelectColumnsEstimator(["Sex", "Pclass"]).Fit(FeatureEstimatorCases.Passengers).Transform(FeatureEstimatorCases.Passengers);

        Assert.Equal(["Sex", "Pclass"], output.ColumnNames);
        Assert.Same(FeatureEstimatorCases.Passengers["Sex"], output["Sex"]);
    }

    [Fact]
    public void Constructor_RepeatedColumn_ThrowsInvalidConfiguration()
    {
        var ex = Assert.Throws<GangwayException>(() => new SelectColumnsEstimator(["Age", "Age"]));

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
        Assert.Equal("'select' lists column 'Age' more than once in 'columns'.", ex.Message);
    }

    [Fact]
    public void Constructor_NoColumns_ThrowsInvalidConfiguration()
    {
        var ex = Assert.Throws<GangwayException>(() => new SelectColumnsEstimator([]));

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
    }

    [Fact]
    public void Columns_AfterFit_AreExposedOnTransformer()
    {
        var fitted = new SelectColumnsEstimator(["Age"]).Fit(new Table(new NumericColumn("Age", [1])));

        Assert.Equal(["Age"], fitted.Columns);
        Assert.Equal("select", fitted.Kind);
    }
}
