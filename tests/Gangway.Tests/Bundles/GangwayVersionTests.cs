using Gangway.Bundles;

namespace Gangway.Tests.Bundles;

public sealed class GangwayVersionTests
{
    [Fact]
    public void Current_HasNoBuildMetadata()
    {
        Assert.False(string.IsNullOrWhiteSpace(GangwayVersion.Current));
        Assert.DoesNotContain('+', GangwayVersion.Current);
        Assert.Matches(@"^\d+\.\d+\.\d+", GangwayVersion.Current);
    }

    [Theory]
    [InlineData("1.2.3+abc123def", "1.2.3")]
    [InlineData("0.1.0-alpha.0.5+4f1c2d", "0.1.0-alpha.0.5")]
    [InlineData("2.0.0", "2.0.0")]
    [InlineData(null, "0.0.0")]
    public void FromInformational_StripsMetadata(string? informational, string expected)
    {
        Assert.Equal(expected, GangwayVersion.FromInformational(informational));
    }
}
