using Gangway.Learners;

namespace Gangway.Tests.Learners;

public sealed class ShortestDecimalTests
{
    [Theory]
    [InlineData(0.1f, 0.1)]
    [InlineData(0.10255535f, 0.10255535)]
    [InlineData(0.5f, 0.5)]
    [InlineData(1f, 1)]
    [InlineData(0f, 0)]
    [InlineData(0.099999994f, 0.099999994)]
    [InlineData(1e-7f, 1e-7)]
    [InlineData(0.0001f, 0.0001)]
    public void Widen_Examples_GiveTheDecimalAPersonReads(float value, double expected)
    {
        Assert.Equal(expected, ShortestDecimal.Widen(value));
    }

    [Fact]
    public void Widen_RandomProbabilities_BitIdenticalToParsingTheShortestText()
    {
        var random = new Random(11);
        for (var i = 0; i < 200_000; i++)
        {
            AssertSameAsText((float)random.NextDouble());
        }
    }

    [Fact]
    public void Widen_PowersOfTwoAndTenAndTheirNeighbours_BitIdenticalToParsingTheShortestText()
    {
        var values = new List<float>();
        for (var e = -20; e <= 0; e++)
        {
            values.Add(MathF.Pow(2, e));
        }

        for (var e = -10; e <= 0; e++)
        {
            values.Add((float)Math.Pow(10, e));
        }

        foreach (var value in values)
        {
            var below = value;
            var above = value;
            for (var step = 0; step < 50; step++)
            {
                AssertSameAsText(below);
                AssertSameAsText(above);
                below = MathF.BitDecrement(below);
                above = MathF.BitIncrement(above);
            }
        }
    }

    [Fact]
    public void Widen_OutsideTheFastRange_StillMatchesTheText()
    {
        foreach (var value in new[] { -0f, float.Epsilon, 1e-30f, 9.9e-5f, 1.0000001f, 2.5f, 123456.79f, -0.25f })
        {
            AssertSameAsText(value);
        }
    }

    private static void AssertSameAsText(float value) =>
        Assert.Equal(BitConverter.DoubleToInt64Bits(ShortestDecimal.WidenThroughText(value)), BitConverter.DoubleToInt64Bits(ShortestDecimal.Widen(value)));
}
