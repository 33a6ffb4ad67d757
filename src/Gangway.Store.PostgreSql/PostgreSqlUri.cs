using System.Globalization;
using System.Text.RegularExpressions;
using Gangway.Stores;
using Npgsql;

namespace Gangway.Store.PostgreSql;

/// <summary>
/// Reads <c>postgresql://user[:password]@host[:port]/database[?options]</c> (also <c>postgres://</c>) into an Npgsql
/// connection string. Options take libpq names (<c>sslmode</c>, <c>connect_timeout</c>, <c>search_path</c>, ...) or
/// Npgsql keywords (<c>Pooling</c>, <c>Command Timeout</c>, ...); every part is percent-decoded.
/// </summary>
internal static partial class PostgreSqlUri
{
    private static readonly string[] Schemes = ["postgresql://", "postgres://"];

    private static readonly Dictionary<string, string> LibpqNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["host"] = "Host",
        ["port"] = "Port",
        ["user"] = "Username",
        ["password"] = "Password",
        ["dbname"] = "Database",
        ["sslmode"] = "SSL Mode",
        ["sslrootcert"] = "Root Certificate",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
        ["connect_timeout"] = "Timeout",
        ["application_name"] = "Application Name",
        ["options"] = "Options",
        ["search_path"] = "Search Path",
        ["target_session_attrs"] = "Target Session Attributes",
    };

    /// <summary>Whether <paramref name="uri"/> starts with one of the PostgreSQL schemes.</summary>
    public static bool HasScheme(string uri) => Schemes.Any(s => uri.StartsWith(s, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// <paramref name="uri"/> for messages: the password of the user info hidden by <see cref="StoreUris.HidePassword"/>,
    /// and a <c>password=</c> option hidden too.
    /// </summary>
    public static string Display(string uri) => PasswordOption().Replace(StoreUris.HidePassword(uri), "${name}=***");

    /// <summary>The Npgsql connection string for <paramref name="uri"/>.</summary>
    /// <exception cref="GangwayException">The URI is not a PostgreSQL URI or has a bad part (<see cref="ErrorKind.InvalidInput"/>).</exception>
    public static NpgsqlConnectionStringBuilder Parse(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var scheme = Schemes.FirstOrDefault(s => uri.StartsWith(s, StringComparison.OrdinalIgnoreCase))
            ?? throw Invalid(uri, "it must start with postgresql:// or postgres://");
        var rest = uri[scheme.Length..];
        var queryAt = rest.IndexOf('?', StringComparison.Ordinal);
        var query = queryAt >= 0 ? rest[(queryAt + 1)..] : "";
        rest = queryAt >= 0 ? rest[..queryAt] : rest;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash >= 0 ? rest[..slash] : rest;
        var database = slash >= 0 ? Decode(rest[(slash + 1)..]) : "";

        var builder = new NpgsqlConnectionStringBuilder();
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = authority[..at];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Decode(colon >= 0 ? userInfo[..colon] : userInfo);
            if (colon >= 0)
            {
                builder.Password = Decode(userInfo[(colon + 1)..]);
            }

            authority = authority[(at + 1)..];
        }

        ReadHosts(uri, authority, builder);
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        ReadOptions(uri, query, builder);
        if (string.IsNullOrEmpty(builder.Database))
        {
            throw Invalid(uri, "it names no database; use postgresql://user@host/database");
        }

        builder.Host ??= "localhost";
        return builder;
    }

    private static void ReadHosts(string uri, string authority, NpgsqlConnectionStringBuilder builder)
    {
        if (authority.Length == 0)
        {
            return;
        }

        var hosts = authority.Split(',');
        if (hosts.Length > 1)
        {
            // Several hosts (failover): Npgsql takes them as "host:port,host:port".
            builder.Host = authority;
            return;
        }

        var portColon = authority.LastIndexOf(':');
        var closingBracket = authority.LastIndexOf(']');
        if (portColon > closingBracket)
        {
            var portText = authority[(portColon + 1)..];
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                throw Invalid(uri, $"port '{portText}' is not a number from 1 to 65535");
            }

            builder.Port = port;
            authority = authority[..portColon];
        }

        builder.Host = authority.Trim('[', ']');
    }

    private static void ReadOptions(string uri, string query, NpgsqlConnectionStringBuilder builder)
    {
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals >= 0 ? pair[..equals] : pair);
            var value = equals >= 0 ? Decode(pair[(equals + 1)..]) : "";
            var keyword = LibpqNames.GetValueOrDefault(name, name);
            try
            {
                builder[keyword] = value;
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
            {
                // The driver's message can quote the value, which may be a secret: name the option only.
                throw Invalid(uri, $"option '{name}' is unknown or has a value of the wrong form; use libpq names such as sslmode, connect_timeout, application_name, search_path, or Npgsql connection string keywords");
            }
        }
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text);

    private static GangwayException Invalid(string uri, string reason) =>
        new(ErrorKind.InvalidInput, $"Store '{Display(uri)}' is not a valid PostgreSQL URI: {reason}.");

    [GeneratedRegex("(?<=[?&])(?<name>password)=[^&]*", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordOption();
}
