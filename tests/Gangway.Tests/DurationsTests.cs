namespace Gangway.Tests;

public class DurationsTests
{
    [Theory]
    [InlineData("250ms", 250)]
    [InlineData("5s", 5_000)]
    [InlineData("1.5m", 90_000)]
    [InlineData("2h", 7_200_000)]
    [InlineData("1d", 86_400_000)]
    public void TryParse_NumberAndUnit(string text, long milliseconds)
    {
        Assert.True(Durations.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("s")]
    [InlineData("-5s")]
    [InlineData("5 sec")]
    [InlineData("1e3ms")]
    public void TryParse_NotADuration_IsFalse(string text)
    {
        Assert.False(Durations.TryParse(text, out _));
    }

    [Theory]
    [InlineData(250, "250ms")]
    [InlineData(1_500, "1500ms")]
    [InlineData(5_000, "5s")]
    [InlineData(90_000, "90s")]
    [InlineData(120_000, "2m")]
    [InlineData(7_200_000, "2h")]
    [InlineData(2_592_000_000, "30d")]
    public void Format_ShortestTextThatReadsBack(long milliseconds, string expected)
    {
        var duration = TimeSpan.FromMilliseconds(milliseconds);

        Assert.Equal(expected, Durations.Format(duration));
        Assert.True(Durations.TryParse(expected, out var back) && back == duration);
    }

    [Theory]
    [InlineData("30d", 30 * 86_400_000L)]
    [InlineData(" 15m ", 900_000L)]
    public void Parse_PositiveDuration(string text, long milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Durations.Parse(text, "--older-than"));
    }

    [Theory]
    [InlineData("0d")]
    [InlineData("soon")]
    public void Parse_NotAPositiveDuration_NamesTheOptionAndTheValue(string text)
    {
        var error = Assert.Throws<GangwayException>(() => Durations.Parse(text, "--older-than"));

        Assert.Equal(ErrorKind.InvalidInput, error.Kind);
        Assert.Equal($"--older-than must be a duration such as 30d, 24h or 15m (a positive number and ms, s, m, h or d); it is '{text}'.", error.Message);
    }

    [Fact]
    public void PointInTime_DurationBackOrDate()
    {
        var now = new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(now.AddHours(-24), Durations.PointInTime("24h", now, "--since"));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), Durations.PointInTime("2026-12-01", now, "--since"));
        Assert.Throws<GangwayException>(() => Durations.PointInTime("yesterday", now, "--since"));
    }
}
