using Gangway.Upsell;

namespace Gangway.Tests.Upsell;

public class TierProjectionTests
{
    [Theory]
    [InlineData(new[] { 0.3, 0.1, 0.5 }, new[] { 0.2, 0.2, 0.5 })]
    [InlineData(new[] { 0.2, 0.7, 0.6 }, new[] { 0.2, 0.65, 0.65 })]
    [InlineData(new[] { 0.9, 0.6, 0.3 }, new[] { 0.6, 0.6, 0.6 })]
    [InlineData(new[] { 0.5, 0.1, 0.2, 0.8 }, new[] { 0.8 / 3, 0.8 / 3, 0.8 / 3, 0.8 })]
    public void NonDecreasing_Violations_ArePooledIntoTheirMean(double[] values, double[] expected)
    {
        var projected = TierProjection.NonDecreasing(values);

        Assert.Equal(expected.Length, projected.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], projected[i], 12);
        }

        Assert.True(TierProjection.IsNonDecreasing(projected));
    }

    [Fact]
    public void NonDecreasing_AlreadyRising_ComesBackBitForBit()
    {
        double[] values = [0.1234567891, 0.1234567891, 0.7, 0.70000000001];

        var projected = TierProjection.NonDecreasing(values);

        Assert.Equal(values.Select(BitConverter.DoubleToInt64Bits), projected.Select(BitConverter.DoubleToInt64Bits));
        Assert.NotSame(values, projected);
    }

    [Fact]
    public void NonDecreasing_KeepsTheMean()
    {
        double[] values = [0.8, 0.2, 0.6, 0.1, 0.9];

        var projected = TierProjection.NonDecreasing(values);

        Assert.Equal(values.Average(), projected.Average(), 12);
    }
}
