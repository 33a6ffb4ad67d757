using System.Text.RegularExpressions;

namespace Gangway.Stores;

/// <summary>Helpers for store URIs.</summary>
public static partial class StoreUris
{
    /// <summary>The URI with the password of <c>scheme://user:password@host</c> replaced by <c>***</c>.</summary>
    public static string HidePassword(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return UserInfoPassword().Replace(uri, "${prefix}***@");
    }

    // The password runs to the last '@' before the first '/': stores read user info that way, so an unencoded '@' in a
    // password works and must be hidden too. ('?' and '#' may be unencoded in a password as well; hiding too much beats leaking.)
    [GeneratedRegex(@"(?<prefix>^[A-Za-z][A-Za-z0-9+.-]*://[^:/@]*:)[^/]*@")]
    private static partial Regex UserInfoPassword();
}
