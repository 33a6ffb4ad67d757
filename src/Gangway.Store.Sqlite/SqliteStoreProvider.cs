using Gangway.Stores;

namespace Gangway.Store.Sqlite;

/// <summary>
/// Opens model stores kept in one SQLite file, the default store (<see cref="StoreCatalog.DefaultUri"/>):
/// <c>sqlite:&lt;path&gt;</c> (relative paths resolve against the current directory) or <c>sqlite:///absolute/path</c>.
/// The file and its folders are created when missing, and the schema is migrated on open. The file may be shared by
/// several processes; writers wait for each other for up to 10 seconds.
/// </summary>
public sealed class SqliteStoreProvider : IStoreProvider
{
    private readonly TimeProvider _time;

    /// <summary>A provider whose stores take timestamps from the system clock.</summary>
    public SqliteStoreProvider()
        : this(TimeProvider.System)
    {
    }

    /// <summary>A provider whose stores take timestamps from <paramref name="time"/>.</summary>
    public SqliteStoreProvider(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> UriForms { get; } = ["sqlite:<path>", "sqlite:///<absolute path>"];

    /// <inheritdoc/>
    public bool CanOpen(string uri) => uri is not null && SqliteStoreUri.IsSqlite(uri);

    /// <inheritdoc/>
    /// <exception cref="GangwayException">
    /// The URI names no file (<see cref="ErrorKind.InvalidInput"/>), the file or its folder cannot be created or opened, the file
    /// is not a SQLite database (<see cref="ErrorKind.InvalidInput"/>), or its schema is newer than this Gangway.
    /// </exception>
    public async Task<IStore> OpenAsync(string uri, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var path = SqliteStoreUri.ToPath(uri);
        if (Directory.Exists(path))
        {
            throw new GangwayException(ErrorKind.InvalidInput, $"Store '{uri}' cannot be opened: '{path}' is a folder, not a database file.");
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new GangwayException(ErrorKind.InvalidInput, $"Store '{uri}' cannot be opened: the folder of '{path}' cannot be created ({exception.Message}).", exception);
        }

        return new SqliteModelStore(await SqliteDatabase.OpenAsync(path, uri, _time, cancellationToken), _time);
    }
}
