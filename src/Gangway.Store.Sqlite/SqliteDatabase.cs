using Gangway.Stores;
using Microsoft.Data.Sqlite;

namespace Gangway.Store.Sqlite;

/// <summary>
/// One connection to a store file: WAL journal (readers never wait for the writer), a 10 s busy timeout, foreign keys on,
/// 16 KiB pages in a new file.
/// Writes run in <c>BEGIN IMMEDIATE</c> transactions, which serialise writers across connections and processes.
/// Driver errors become <see cref="GangwayException"/>s that name the store. Microsoft.Data.Sqlite's asynchronous methods
/// run synchronously (SQLite has no asynchronous I/O), so the work runs on the caller's thread; the asynchronous surface
/// checks cancellation between attempts and waits for a busy file without blocking a thread.
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    private const int BusyTimeoutMilliseconds = 10_000;
    private const int PageSize = 16_384;
    private const int Attempts = 3;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteCorrupt = 11;
    private const int SqliteCantOpen = 14;
    private const int SqliteNotADatabase = 26;

    private readonly SqliteConnection _connection;

    private SqliteDatabase(SqliteConnection connection, string path, string displayUri)
    {
        _connection = connection;
        Path = path;
        DisplayUri = displayUri;
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    /// <summary>The URI the store was opened with.</summary>
    public string DisplayUri { get; }

    /// <summary>Opens the file (creating it when missing) and applies the migrations it lacks.</summary>
    public static async Task<SqliteDatabase> OpenAsync(string path, string displayUri, TimeProvider time, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // Without pooling, disposing the store closes the file, so users and tests can move or delete it.
            Pooling = false,
        }.ToString());
        var database = new SqliteDatabase(connection, path, displayUri);
        try
        {
            database.Translate(() =>
            {
                connection.Open();
                database.Pragma($"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}");
                // Only a new, empty file takes the page size (an existing store keeps its own). 16 KiB pages instead of
                // SQLite's 4 KiB: a quarter of the page writes and shallower indexes, which the prediction log's appends
                // feel most (bench/README.md: about 40% more records per CPU second).
                database.Pragma($"PRAGMA page_size = {PageSize}");
                database.Pragma("PRAGMA journal_mode = WAL");
                database.Pragma("PRAGMA foreign_keys = ON");
                return 0;
            });
            await database.WriteAsync(
                transaction =>
                {
                    SqliteMigrations.Apply(transaction, displayUri, time.GetUtcNow());
                    return 0;
                },
                cancellationToken);
            return database;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> in a write transaction, retried when other writers keep the file busy.</summary>
    public Task<T> WriteAsync<T>(Func<SqliteTransaction, T> work, CancellationToken cancellationToken) =>
        InTransactionAsync(work, deferred: false, cancellationToken);

    /// <summary>Runs <paramref name="work"/> in a read transaction, so that several queries see one snapshot.</summary>
    public Task<T> ReadAsync<T>(Func<SqliteTransaction, T> work, CancellationToken cancellationToken) =>
        InTransactionAsync(work, deferred: true, cancellationToken);

    /// <inheritdoc/>
    public void Dispose() => _connection.Dispose();

    private async Task<T> InTransactionAsync<T>(Func<SqliteTransaction, T> work, bool deferred, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return Translate(() =>
                {
                    using var transaction = _connection.BeginTransaction(deferred);
                    var result = work(transaction);
                    if (!deferred)
                    {
                        CrashPoints.Hit(CrashPoints.BeforeCommit);
                    }

                    transaction.Commit();
                    return result;
                });
            }
            catch (GangwayException exception) when (attempt < Attempts && exception.InnerException is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked })
            {
                await Task.Delay(Random.Shared.Next(10, 100), cancellationToken);
            }
        }
    }

    private void Pragma(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private T Translate<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (SqliteException exception)
        {
            throw exception.SqliteErrorCode switch
            {
                SqliteBusy or SqliteLocked => new GangwayException(
                    ErrorKind.Conflict, $"Store '{DisplayUri}' is busy: another writer held '{Path}' for more than {BusyTimeoutMilliseconds / 1000} s; try again.", exception),
                SqliteNotADatabase => new GangwayException(
                    ErrorKind.InvalidInput, $"Store '{DisplayUri}' cannot be opened: '{Path}' is not a SQLite database.", exception),
                SqliteCorrupt => new GangwayException(
                    ErrorKind.CorruptArtifact, $"Store '{DisplayUri}': the database file '{Path}' is corrupt.", exception),
                SqliteCantOpen => new GangwayException(
                    ErrorKind.InvalidInput, $"Store '{DisplayUri}' cannot be opened: SQLite cannot open '{Path}' (check that the folder exists and is writable).", exception),
                _ => new GangwayException(
                    ErrorKind.InvalidInput, $"Store '{DisplayUri}' at '{Path}' failed: {exception.Message}", exception),
            };
        }
    }
}
