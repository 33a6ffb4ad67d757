using System.Globalization;
using Gangway.Data;

namespace Gangway.Tests.Data;

public class FastNumberTests
{
    [Theory]
    [InlineData("34.5")]
    [InlineData("-7")]
    [InlineData("+0.125")]
    [InlineData("-0")]
    [InlineData("5.")]
    [InlineData(".5")]
    [InlineData("0.1")]
    [InlineData("123456789012345")]
    [InlineData("0.00000000000001")]
    [InlineData("900719925.474099")]
    public void TryParse_PlainDecimal_SameBitsAsDoubleParse(string text)
    {
        Assert.True(FastNumber.TryParse(text, out var value));

        Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1e3")]
    [InlineData(" 1")]
    [InlineData("1.2.3")]
    [InlineData("1234567890123456")]
    [InlineData("0.000000000000001")]
    [InlineData("NaN")]
    public void TryParse_AnythingElse_LeftToGeneralParser(string text)
    {
        Assert.False(FastNumber.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_RandomDecimals_SameBitsAsDoubleParse()
    {
        var random = new Random(42);
        for (var i = 0; i < 100_000; i++)
        {
            var digits = random.Next(1, 16);
            var mantissa = random.NextInt64((long)Math.Pow(10, digits));
            var text = mantissa.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
            var point = random.Next(0, digits + 1);
            text = text[..point] + "." + text[point..];

            Assert.True(FastNumber.TryParse(text, out var value), text);
            Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), value);
        }
    }
}
