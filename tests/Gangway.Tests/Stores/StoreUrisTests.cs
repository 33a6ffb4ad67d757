using Gangway.Stores;

namespace Gangway.Tests.Stores;

public class StoreUrisTests
{
    [Theory]
    [InlineData("postgresql://u:secret@h/db", "postgresql://u:***@h/db")]
    [InlineData("postgresql://gangway:p%40ss@db.example:5432/models?sslmode=require", "postgresql://gangway:***@db.example:5432/models?sslmode=require")]
    [InlineData("postgres://u:@h/db", "postgres://u:***@h/db")]
    [InlineData("postgresql://u:p@ss@h/db", "postgresql://u:***@h/db")]
    [InlineData("postgresql://u:p@ss@h", "postgresql://u:***@h")]
    [InlineData("postgresql://u:secret@h/db?application_name=me@laptop", "postgresql://u:***@h/db?application_name=me@laptop")]
    public void HidePassword_UserAndPassword_ReplacesOnlyThePassword(string uri, string expected)
    {
        Assert.Equal(expected, StoreUris.HidePassword(uri));
    }

    [Theory]
    [InlineData("postgresql://u:p@ss@h/db", "p@ss")]
    [InlineData("postgresql://u:p#ss@h/db", "p#ss")]
    [InlineData("postgresql://u:p?ss@h/db", "p?ss")]
    [InlineData("postgresql://u:s3cret@h?application_name=me@laptop", "s3cret")]
    public void HidePassword_PasswordWithUrlCharacters_NeverShowsIt(string uri, string password)
    {
        var shown = StoreUris.HidePassword(uri);

        Assert.DoesNotContain(password, shown, StringComparison.Ordinal);
        Assert.StartsWith("postgresql://u:***@", shown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgresql://u@h/db")]
    [InlineData("postgresql://h:5432/db")]
    [InlineData("sqlite:.gangway/gangway.db")]
    [InlineData("sqlite:///var/gangway/a:b@c.db")]
    [InlineData("")]
    public void HidePassword_NoPassword_LeavesTheUriAsIs(string uri)
    {
        Assert.Equal(uri, StoreUris.HidePassword(uri));
    }

    [Fact]
    public void HidePassword_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => StoreUris.HidePassword(null!));
    }
}
