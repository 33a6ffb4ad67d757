using System.Net.Sockets;
using Npgsql;

namespace Gangway.Store.PostgreSql;

/// <summary>Turns driver exceptions into <see cref="GangwayException"/>s that name the store and the reason, never a password.</summary>
internal static class PostgreSqlErrors
{
    /// <summary>The store could not be opened: unreachable server, failed authentication, missing database, ...</summary>
    public static GangwayException CannotOpen(string displayUri, NpgsqlConnectionStringBuilder settings, NpgsqlException error)
    {
        var server = $"{settings.Host}:{settings.Port}";
        var (kind, reason) = error switch
        {
            PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } p =>
                (ErrorKind.InvalidConfiguration, $"authentication as user '{settings.Username}' failed ({p.MessageText})"),
            PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } =>
                (ErrorKind.NotFound, $"database '{settings.Database}' does not exist on {server}; create it first"),
            PostgresException { SqlState: PostgresErrorCodes.InvalidSchemaName } p =>
                (ErrorKind.NotFound, $"{p.MessageText}; create the schema named by search_path first"),
            PostgresException p => (ErrorKind.InvalidConfiguration, $"the server refused: {p.MessageText} (SQLSTATE {p.SqlState})"),
            { InnerException: SocketException socket } => (ErrorKind.InvalidConfiguration, $"cannot connect to {server} ({socket.Message})"),
            { InnerException: TimeoutException } => (ErrorKind.InvalidConfiguration, $"no answer from {server} within {settings.Timeout} seconds"),
            _ => (ErrorKind.InvalidConfiguration, $"cannot connect to {server} ({error.Message.TrimEnd('.')})"),
        };
        return new GangwayException(kind, $"Cannot open store '{displayUri}': {reason}.", error);
    }

    /// <summary>An open store's call failed at the server or on the way to it.</summary>
    public static GangwayException Failed(string displayUri, NpgsqlException error)
    {
        var reason = error switch
        {
            PostgresException p => $"{p.MessageText} (SQLSTATE {p.SqlState})",
            { InnerException: SocketException socket } => $"the connection failed ({socket.Message})",
            _ => error.Message.TrimEnd('.'),
        };
        return new GangwayException(ErrorKind.InvalidConfiguration, $"Store '{displayUri}' failed: {reason}.", error);
    }
}
