namespace Gangway.Store.Sqlite;

/// <summary>Reads <c>sqlite:&lt;path&gt;</c> and <c>sqlite:///absolute/path</c> into a full file path.</summary>
internal static class SqliteStoreUri
{
    public const string Scheme = "sqlite:";

    public static bool IsSqlite(string uri) => uri.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>The full path the URI names; relative paths resolve against the current directory.</summary>
    /// <exception cref="GangwayException">The URI names no file, or a host (<c>sqlite://host/...</c>).</exception>
    public static string ToPath(string uri)
    {
        if (!IsSqlite(uri))
        {
            throw Invalid(uri, "it does not start with 'sqlite:'");
        }

        var rest = uri[Scheme.Length..];
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            if (!rest.StartsWith("///", StringComparison.Ordinal))
            {
                throw Invalid(uri, "a path after 'sqlite://' must be absolute, as in 'sqlite:///var/gangway/gangway.db'");
            }

            rest = rest[2..];
            // sqlite:///C:/stores/gangway.db on Windows names C:/stores/gangway.db.
            if (rest.Length > 2 && rest[2] == ':' && char.IsAsciiLetter(rest[1]))
            {
                rest = rest[1..];
            }
        }

        if (string.IsNullOrWhiteSpace(rest))
        {
            throw Invalid(uri, "it names no file");
        }

        return Path.GetFullPath(rest);
    }

    private static GangwayException Invalid(string uri, string why) =>
        new(ErrorKind.InvalidInput, $"Store '{uri}' is not a SQLite store URI: {why}; use 'sqlite:<path>' or 'sqlite:///<absolute path>'.");
}
