using Gangway.Data;
using Gangway.Features;

namespace Gangway.Tests.Features;

public sealed class BinningEstimatorTests
{
    [Fact]
    public void Fit_Uniform_PlacesEdgesEvenlyBetweenMinAndMax()
    {
        var data = new Table(new NumericColumn("Fare", [0, 3, 10, double.NaN]));

        var fitted = new BinningEstimator(["Fare"], 5, BinningStrategy.Uniform).Fit(data);

        Assert.Equal([0, 2, 4, 6, 8, 10], fitted.BinEdges[0]);
    }

    [Fact]
    public void Fit_Quantile_PlacesEdgesAtInterpolatedQuantiles()
    {
        var data = new Table(new NumericColumn("Age", [9, 1, 2, 3, 4, 5, 6, 7, 8]));

        var fitted = new BinningEstimator(["Age"], 4).Fit(data);

        Assert.Equal([1, 3, 5, 7, 9], fitted.BinEdges[0]);
    }

    [Fact]
    public void Fit_QuantileWithRepeatedValues_MergesDuplicateEdges()
    {
        var data = new Table(new NumericColumn("Parch", [0, 0, 0, 0, 0, 0, 1, 2]));

        var fitted = new BinningEstimator(["Parch"], 4).Fit(data);

        Assert.Equal([0, 0.25, 2], fitted.BinEdges[0]);
    }

    [Fact]
    public void Transform_ValuesOutsideAndOnEdges_GoToExpectedBins()
    {
        var training = new Table(new NumericColumn("Fare", [0, 10]));
        var fitted = new BinningEstimator(["Fare"], 5, BinningStrategy.Uniform).Fit(training);
        var data = new Table(new NumericColumn("Fare", [-5, 0, 1.99, 2, 10, 100, double.NaN]));

        var bins = fitted.Transform(data).GetNumeric("Fare");

        Assert.Equal([0, 0, 0, 1, 4, 4], bins.Values[..6].ToArray());
        Assert.True(double.IsNaN(bins[6]));
    }

    [Fact]
    public void Fit_ConstantColumn_UsesOneBin()
    {
        var data = new Table(new NumericColumn("Parch", [2, 2, 2]));

        var fitted = new BinningEstimator(["Parch"], 3).Fit(data);

        Assert.Equal([2, 2], fitted.BinEdges[0]);
        Assert.Equal(0, fitted.Transform(new Table(new NumericColumn("Parch", [7]))).GetNumeric("Parch")[0]);
    }

    [Fact]
    public void Constructor_FewerThanTwoBins_ThrowsInvalidConfiguration()
    {
        var ex = Assert.Throws<GangwayException>(() => new BinningEstimator(["Age"], 1));

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
        Assert.Equal("'bin' needs at least 2 bins; got 1.", ex.Message);
    }
}
