using Gangway.Data;
using Gangway.Features;

namespace Gangway.Tests.Features;

public sealed class StandardScalingEstimatorTests
{
    private static readonly Table Data = new(
        new NumericColumn("Age", [1, 2, double.NaN, 3, 4]),
        new NumericColumn("Constant", [5, 5, 5, 5, 5]));

    [Fact]
    public void Fit_IgnoresMissingAndUsesPopulationStd()
    {
        var fitted = new StandardScalingEstimator(["Age"]).Fit(Data);

        Assert.Equal(2.5, fitted.Means[0]);
        Assert.Equal(Math.Sqrt(1.25), fitted.Scales[0], 12);
    }

    [Fact]
    public void Transform_ScalesValuesAndKeepsMissingMissing()
    {
        var output = new StandardScalingEstimator(["Age"]).Fit(Data).Transform(Data);

        Assert.Equal(-1.5 / Math.Sqrt(1.25), output.GetNumeric("Age")[0], 12);
        Assert.True(output["Age"].IsMissing(2));
        Assert.Same(Data["Constant"], output["Constant"]);
    }

    [Fact]
    public void Fit_ZeroStd_UsesScaleOne()
    {
        var fitted = new StandardScalingEstimator(["Constant"]).Fit(Data);

        Assert.Equal(1, fitted.Scales[0]);
        Assert.Equal(0, fitted.Transform(Data).GetNumeric("Constant")[0]);
    }

    [Fact]
    public void Fit_WithoutMeanOrStd_LearnsIdentity()
    {
        var fitted = new StandardScalingEstimator(["Age"], withMean: false, withStd: false).Fit(Data);

        Assert.Equal(0, fitted.Means[0]);
        Assert.Equal(1, fitted.Scales[0]);
        Assert.Equal(4, fitted.Transform(Data).GetNumeric("Age")[4]);
    }

    [Fact]
    public void Fit_AllMissing_ThrowsNamingColumn()
    {
        var data = new Table(new NumericColumn("Age", [double.NaN]));

        var ex = Assert.Throws<GangwayException>(() => new StandardScalingEstimator(["Age"]).Fit(data));

        Assert.Contains("Column 'Age' has no values", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_InfiniteValue_ThrowsInsteadOfLearningNaN()
    {
        var data = new Table(new NumericColumn("Fare", [1, double.PositiveInfinity]));

        var ex = Assert.Throws<GangwayException>(() => new StandardScalingEstimator(["Fare"]).Fit(data));

        Assert.Contains("infinite", ex.Message, StringComparison.Ordinal);
    }
}
