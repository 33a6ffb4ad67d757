using Gangway.Stores;
using Npgsql;

namespace Gangway.Store.PostgreSql;

/// <summary>
/// Opens model stores in PostgreSQL, like MLflow's <c>postgresql://</c> backend store: runs, registered versions,
/// aliases and the audit log live in tables of the database (artifacts as <c>bytea</c>), created and migrated on open.
/// Put the store in its own database, or in a schema named by <c>?search_path=</c>. Thread-safe.
/// </summary>
public sealed class PostgreSqlStoreProvider : IStoreProvider
{
    private readonly TimeProvider _time;

    /// <summary>A provider whose stores stamp changes with the system clock.</summary>
    public PostgreSqlStoreProvider()
        : this(TimeProvider.System)
    {
    }

    /// <summary>A provider whose stores stamp changes (registrations, alias changes, audit entries) with <paramref name="timeProvider"/>.</summary>
    public PostgreSqlStoreProvider(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _time = timeProvider;
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> UriForms { get; } =
    [
        "postgresql://user[:password]@host[:port]/database[?options]",
        "postgres://user[:password]@host[:port]/database[?options]",
    ];

    /// <inheritdoc/>
    public bool CanOpen(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return PostgreSqlUri.HasScheme(uri);
    }

    /// <summary>
    /// Connects to the database <paramref name="uri"/> names, creates or migrates the store's tables (safe when several
    /// processes open the store at once) and returns the store. Options in the query take libpq names
    /// (<c>sslmode</c>, <c>connect_timeout</c>, <c>application_name</c>, <c>search_path</c>, ...) or Npgsql keywords.
    /// </summary>
    /// <exception cref="GangwayException">
    /// The URI is malformed (<see cref="ErrorKind.InvalidInput"/>); the server cannot be reached or refuses the login
    /// (<see cref="ErrorKind.InvalidConfiguration"/>); the database does not exist (<see cref="ErrorKind.NotFound"/>); the
    /// store's schema is newer than this Gangway (<see cref="ErrorKind.InvalidInput"/>). Messages never show the password.
    /// </exception>
    public async Task<IStore> OpenAsync(string uri, CancellationToken cancellationToken)
    {
        var settings = PostgreSqlUri.Parse(uri);
        var displayUri = PostgreSqlUri.Display(uri);
        var dataSource = NpgsqlDataSource.Create(settings);
        try
        {
            return await PostgreSqlModelStore.OpenAsync(dataSource, settings, displayUri, _time, cancellationToken);
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }
    }
}
