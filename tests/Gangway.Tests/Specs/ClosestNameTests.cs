using Gangway.Specs;

namespace Gangway.Tests.Specs;

public class ClosestNameTests
{
    [Theory]
    [InlineData("stiky", "sticky")]
    [InlineData("shadows", "shadow")]
    [InlineData("varaints", "variants")]
    [InlineData("colour", null)]
    [InlineData("x", null)]
    public void Find_GivesTheNearestNameWithinAThird(string word, string? expected)
    {
        Assert.Equal(expected, ClosestName.Find(word, ["model", "variants", "shadow", "sticky", "champion", "refresh"]));
    }
}
