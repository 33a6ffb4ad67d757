using Gangway.Server.Admin;

namespace Gangway.Server.Tests.Admin;

public sealed class AdminKeyCheckTests
{
    [Theory]
    [InlineData("test-admin-key-0123456789", "test-admin-key-0123456789", true)]
    [InlineData("test-admin-key-0123456780", "test-admin-key-0123456789", false)]
    [InlineData("test-admin-key", "test-admin-key-0123456789", false)]
    [InlineData("TEST-ADMIN-KEY-0123456789", "test-admin-key-0123456789", false)]
    [InlineData("", "", false)]
    [InlineData("anything", null, false)]
    public void Matches_ComparesTheWholeKeyExactly(string given, string? expected, bool matches) =>
        Assert.Equal(matches, AdminKeyCheck.Matches(given, expected));
}
