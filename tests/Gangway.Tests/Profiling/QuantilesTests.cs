using Gangway.Profiling;

namespace Gangway.Tests.Profiling;

public sealed class QuantilesTests
{
    [Theory]
    [InlineData(0.0, 10.0)]
    [InlineData(1.0, 40.0)]
    [InlineData(0.5, 25.0)]
    [InlineData(0.1, 13.0)]
    [InlineData(0.9, 37.0)]
    public void Linear_InterpolatesBetweenClosestRanks(double probability, double expected)
    {
        double[] sorted = [10, 20, 30, 40];

        Assert.Equal(expected, Quantiles.Linear(sorted, probability), 12);
    }

    [Fact]
    public void Linear_EqualInfiniteNeighbours_DoesNotGiveNaN()
    {
        double[] sorted = [1, double.PositiveInfinity, double.PositiveInfinity];

        Assert.Equal(double.PositiveInfinity, Quantiles.Linear(sorted, 0.75));
    }

    [Fact]
    public void Linear_NoValues_Throws()
    {
        Assert.Throws<ArgumentException>(() => Quantiles.Linear([], 0.5));
    }
}
